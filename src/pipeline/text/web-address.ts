/** An address written without its scheme (`//upload-images.jianshu.io/a.png`, as pages write them) with HTTPS's; any other as it is. */
export const withScheme = (url: string): string => (/^\/\/[^/\s]/.test(url) ? `https:${url}` : url);
