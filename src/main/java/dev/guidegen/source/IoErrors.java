package dev.guidegen.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An I/O failure in the words an editor uses, without the name of the exception behind it. */
public final class IoErrors {

    private IoErrors() {
    }

    /** The words for the failures an editor meets, most specific first. */
    private static final Map<Class<? extends IOException>, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(AccessDeniedException.class, "permission denied");
        WORDS.put(NoSuchFileException.class, "no such file or directory");
        WORDS.put(NotDirectoryException.class, "not a directory");
        WORDS.put(DirectoryNotEmptyException.class, "directory not empty");
        WORDS.put(FileAlreadyExistsException.class, "already exists");
        WORDS.put(FileSystemLoopException.class, "symbolic links form a loop");
    }

    /** "permission denied", "no such file or directory", ...: what went wrong, for "cannot read X: ...". */
    public static String reason(IOException e) {
        for (Map.Entry<Class<? extends IOException>, String> w : WORDS.entrySet()) {
            if (w.getKey().isInstance(e)) {
                return w.getValue();
            }
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return lowerFirst(f.getReason());
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "input/output error" : lowerFirst(message.strip().lines().findFirst().orElse(""));
    }

    /** The reason and, when the failure names one, the file it happened to: "permission denied: /x/y". */
    public static String describe(IOException e) {
        return reason(e) + (e instanceof FileSystemException f && f.getFile() != null ? ": " + f.getFile() : "");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1))) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
