package dev.guidegen.output;

/** The Content-Type of each kind of file a site holds, as the preview serves it and publish stores it. */
public final class MediaTypes {

    private MediaTypes() {
    }

    /** The Content-Type for a file by its name; text types say they are UTF-8. */
    public static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("_headers") || name.equals("_redirects")) {
            return "text/plain; charset=utf-8";
        }
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "";
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "json" -> "application/json";
            case "xml" -> "application/xml; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "txt" -> "text/plain; charset=utf-8";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "avif" -> "image/avif";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            case "woff" -> "font/woff";
            default -> "application/octet-stream";
        };
    }
}
