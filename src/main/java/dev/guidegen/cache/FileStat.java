package dev.guidegen.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one stat of a file tells of it without reading it: its kind, size, modification time,
 * identity (device and inode) and, for a source, its change time (0 for an output file). A file
 * whose stat is the same as before has not been written since, unless it was written within the
 * same tick of the clock as that stat was taken, which is why a build that relies on them reads the
 * files changed near its own start, as make and git do. The change time moves with any change to
 * the file, its permissions too, and cannot be set back as the modification time can.
 */
record FileStat(Kind kind, long size, long modified, long inode, long device, long changed) {

    enum Kind { FILE, FOLDER, LINK, OTHER }

    /** The stat of {@code p} itself, not of what a link leads to; an IOException on a system without inodes. */
    static FileStat of(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Kind kind = a.isSymbolicLink() ? Kind.LINK : a.isRegularFile() ? Kind.FILE : a.isDirectory() ? Kind.FOLDER : Kind.OTHER;
        // On Unix systems the file key reads "(dev=fe00,ino=6135828)"; elsewhere nothing is taken on trust.
        String key = String.valueOf(a.fileKey());
        int dev = key.indexOf("(dev=");
        int ino = key.indexOf(",ino=");
        if (dev != 0 || ino < 0 || !key.endsWith(")")) {
            throw new IOException("no file identity for " + p);
        }
        return new FileStat(kind, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                Long.parseLong(key, ino + 5, key.length() - 1, 10), Long.parseUnsignedLong(key, 5, ino, 16), 0);
    }

    /** As {@link #of}, with the change time, read in the same one call: what a source's stat holds. */
    static FileStat ofSource(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:isRegularFile,isDirectory,isSymbolicLink,size,lastModifiedTime,ctime,ino,dev",
                LinkOption.NOFOLLOW_LINKS);
        Kind kind = (Boolean) a.get("isSymbolicLink") ? Kind.LINK : (Boolean) a.get("isRegularFile") ? Kind.FILE
                : (Boolean) a.get("isDirectory") ? Kind.FOLDER : Kind.OTHER;
        return new FileStat(kind, (Long) a.get("size"), ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS),
                ((Number) a.get("ino")).longValue(), ((Number) a.get("dev")).longValue(),
                ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS));
    }

    /** Whether this system gives files an identity and a change time that {@link #ofSource} can read. */
    static boolean supported(Path anywhere) {
        try {
            ofSource(anywhere);
            return true;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The same file, unwritten since: a folder's size says nothing, but its modification time changes with its entries. */
    boolean same(FileStat o) {
        return o != null && kind == o.kind && (kind == Kind.FOLDER || size == o.size) && modified == o.modified
                && inode == o.inode && device == o.device && changed == o.changed;
    }
}
