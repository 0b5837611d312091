package dev.guidegen.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** An I/O failure in the words an editor uses, without the name of the exception behind it. */
public final class IoErrors {

    private IoErrors() {
    }

    /** "permission denied", "no such file or directory", ...: what went wrong, for "cannot read X: ...". */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic links form a loop";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return lowerFirst(f.getReason());
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "input/output error" : lowerFirst(message.strip().lines().findFirst().orElse(""));
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || Character.isUpperCase(s.charAt(1 < s.length() ? 1 : 0)) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
