package dev.guidegen.content;

/**
 * An image from {@code content/images/}, published at {@code url}. {@code width} and {@code height}
 * are its size in pixels, read once from the file, or 0 when the format does not say (SVG, WebP).
 */
public record ImageFile(String path, String url, byte[] bytes, int width, int height) {

    public boolean hasSize() {
        return width > 0 && height > 0;
    }
}
