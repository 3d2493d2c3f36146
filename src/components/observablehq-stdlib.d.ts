/**
 * The small part of Framework's client standard library that our modules
 * import. Framework resolves "observablehq:stdlib" at build time; this
 * declaration only lets TypeScript check the code that uses it.
 */
declare module "observablehq:stdlib" {
  export interface FileAttachmentHandle {
    readonly name: string;
    readonly mimeType: string;
    /** Absolute URL of the file (with its content hash once built). */
    readonly href: string;
    url(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
    text(): Promise<string>;
  }
  /** Framework requires a literal path, relative to the calling module. */
  export function FileAttachment(path: string): FileAttachmentHandle;
}
