package dev.guidegen.cli;

import dev.guidegen.content.ContentReader;
import dev.guidegen.site.Urls;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code guidegen new guide SLUG} and {@code new page SLUG}: a new file from
 * {@code templates/archetypes/<kind>.md}, or from a built-in skeleton that names every field. This is
 * the one command that reads the clock, for the new file's {@code updated} date.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Writes a new guide or page from templates/archetypes/guide.md or page.md, or from a built-in skeleton.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file was written", "2:bad usage: an unknown kind, or a slug that is not valid or is taken",
            "3:the file could not be written"})
final class NewCommand implements Callable<Integer> {

    enum Kind { guide, page }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "guide or page")
    Kind kind;

    @Parameters(index = "1", paramLabel = "SLUG", description = "the new file's name without .md: lowercase letters, digits and hyphens")
    String slug;

    @Option(names = "--root", paramLabel = "DIR", description = "site root holding content/ and templates/ (default: the working directory)")
    Path root = Path.of(".");

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(root.resolve("content"))) {
            err.println("guidegen: no content/ folder in " + root.toAbsolutePath().normalize());
            return Main.USAGE;
        }
        String folder = kind == Kind.guide ? ContentReader.GUIDES : ContentReader.PAGES;
        if (!ContentReader.isSlug(slug)) {
            String suggestion = Urls.slugify(slug);
            err.println("guidegen: \"" + slug + "\" is not a slug: use lowercase letters, digits and single hyphens"
                    + (ContentReader.isSlug(suggestion) ? ", like " + suggestion : ""));
            return Main.USAGE;
        }
        if (kind == Kind.page && Urls.RESERVED.contains(slug)) {
            err.println("guidegen: \"" + slug + "\" is taken by the site's own /" + slug + "/ URL; choose another name");
            return Main.USAGE;
        }
        List<String> existing = names(root.resolve(folder));
        if (existing.stream().anyMatch(name -> name.equalsIgnoreCase(slug))) {
            err.println("guidegen: " + folder + slug + ".md exists already (slugs ignore case); choose another name");
            return Main.USAGE;
        }
        Path target = root.resolve(folder + slug + ".md");
        try {
            Path archetype = root.resolve("templates/archetypes/" + kind + ".md");
            String text = Files.isRegularFile(archetype)
                    ? fill(Files.readString(archetype, StandardCharsets.UTF_8))
                    : kind == Kind.guide ? guide() : page();
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            err.println("guidegen: cannot write " + folder + slug + ".md: " + dev.guidegen.source.IoErrors.describe(e));
            return Main.IO;
        }
        spec.commandLine().getOut().println("Created " + folder + slug + ".md");
        return Main.BUILT;
    }

    /** The slugs of the .md files in a folder. */
    private static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String title() {
        StringBuilder t = new StringBuilder();
        for (String word : slug.split("-")) {
            t.append(t.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return t.toString();
    }

    private static String today() {
        return LocalDate.now().toString();
    }

    /** An archetype with {{title}}, {{slug}} and {{date}} filled in. */
    private String fill(String archetype) {
        return archetype.replace("{{title}}", title()).replace("{{slug}}", slug).replace("{{date}}", today());
    }

    private String guide() {
        List<String> groups = names(root.resolve(ContentReader.GROUPS));
        List<String> lines = new ArrayList<>(List.of(
                "---",
                "title: " + title(),
                "summary: \"One sentence on what the role does and what the guide covers, at most 160 characters.\"",
                "updated: " + today(),
                "# level: entry, mid, senior, lead or principal",
                "# level: mid",
                "# experience: \"2-5 years\""));
        if (!groups.isEmpty()) {
            lines.add("# group: " + String.join(", ", groups));
            lines.add("group: " + groups.get(0));
        }
        lines.addAll(List.of(
                "# skills: [SQL, API design]",
                "# related: [another-guide]",
                "# career_path: [" + slug + ", Senior " + title() + "]",
                "# compare: [another-guide]",
                "# salary: the key of a role in content/data/salaries.json; false for a role with no pay figures",
                "salary: false",
                "# faq:",
                "#   - q: \"A question readers ask?\"",
                "#     a: \"Its answer, in Markdown.\"",
                "# draft: true",
                "---",
                "## What the role is",
                "",
                "What a " + title().toLowerCase(Locale.ROOT) + " does, for whom, and why it matters.",
                "",
                "## Day-to-day work",
                "",
                "A typical week.",
                ""));
        return String.join("\n", lines);
    }

    private String page() {
        return String.join("\n", List.of(
                "---",
                "title: " + title(),
                "summary: \"One sentence on what this page says, at most 160 characters.\"",
                "# draft: true",
                "---",
                "## " + title(),
                "",
                "Write the page here.",
                ""));
    }
}
