/** Label table: every département with its région (columns dept, dept_name, region, region_name). */
import {copyToParquet, withDuckDB, writeToStdout} from "./parquet-output.js";
import {departements, regionOf} from "./territories.js";

const bytes = await withDuckDB(async (connection) => {
  await connection.run(
    "CREATE TABLE territories (dept VARCHAR, dept_name VARCHAR, region VARCHAR, region_name VARCHAR)"
  );
  const appender = await connection.createAppender("territories");
  for (const dept of departements) {
    const region = regionOf(dept.code);
    appender.appendVarchar(dept.code);
    appender.appendVarchar(dept.name);
    appender.appendVarchar(region.code);
    appender.appendVarchar(region.name);
    appender.endRow();
  }
  appender.closeSync();
  return copyToParquet(connection, "SELECT * FROM territories ORDER BY region, dept");
});

await writeToStdout(bytes);
