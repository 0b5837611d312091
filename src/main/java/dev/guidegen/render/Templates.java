package dev.guidegen.render;

import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import dev.guidegen.source.SourceTree;
import dev.guidegen.source.TextDecoder;
import freemarker.cache.StringTemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FreeMarker configuration of a build, reading the site's {@code templates/} from memory. A
 * template that a render memo parsed from the same template files is taken from the memo as it is,
 * with the configuration of the build that parsed it.
 */
final class Templates {

    /**
     * One object wrapper for every build in the process: what it learns of each view record's
     * accessors, and the accessors it opened, serve the preview's next rebuild too.
     */
    private static final OpenWrapper WRAPPER = OpenWrapper.shared(Configuration.VERSION_2_3_35);

    private final Configuration config;
    private final Problems problems;
    private final Map<String, Optional<Template>> loaded = new ConcurrentHashMap<>();

    /** Templates already parsed from the same template files (assets included), taken as they are; may be null. */
    private final Map<String, Template> parsed;

    /** Templates that only need parsing, as when content problems stop the build before rendering. */
    Templates(SourceTree tree, Problems problems) {
        this(tree, problems, null, null);
    }

    /**
     * Templates with {@code asset("name")}, which gives an asset's published URL; an unknown name
     * fails the page. A template in {@code parsed} (which may be null) is taken from there: it was
     * parsed from the same files by an earlier build, and its {@code asset} gives the same URLs. Each
     * template parsed here goes into it.
     */
    Templates(SourceTree tree, Problems problems, Assets assets, Map<String, Template> parsed) {
        this.problems = problems;
        this.parsed = parsed;
        StringTemplateLoader loader = new StringTemplateLoader();
        for (Map.Entry<String, byte[]> file : tree.under(SourceTree.TEMPLATES).entrySet()) {
            String name = file.getKey().substring(SourceTree.TEMPLATES.length());
            if (name.endsWith(".ftlh")) {
                TextDecoder.decode(file.getKey(), file.getValue(), problems)
                        .ifPresent(text -> loader.putTemplate(name, text));
            }
        }
        config = new Configuration(Configuration.VERSION_2_3_35);
        config.setObjectWrapper(WRAPPER);
        config.setTemplateLoader(loader);
        config.setDefaultEncoding("UTF-8");
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setNumberFormat("computer");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setAPIBuiltinEnabled(false);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setCacheStorage(new freemarker.cache.StrongCacheStorage());
        if (assets != null) {
            config.setSharedVariable("asset", (freemarker.template.TemplateMethodModelEx) args -> {
                if (args.size() != 1 || !(args.get(0) instanceof freemarker.template.TemplateScalarModel scalar)) {
                    throw new freemarker.template.TemplateModelException(
                            "asset takes one name of a file in templates/assets/, like asset(\"site.css\")");
                }
                String name = scalar.getAsString();
                return new freemarker.template.SimpleScalar(assets.url(name).orElseThrow(() ->
                        new freemarker.template.TemplateModelException("no file \"" + name + "\" in templates/assets/"
                                + dev.guidegen.problem.DidYouMean.suffix(name, assets.names()))));
            });
        }
    }

    /** The template, parsed once; a missing or unparsable template is reported once and gives empty. */
    Optional<Template> get(String name, String neededFor) {
        return loaded.computeIfAbsent(name, n -> {
            Template kept = parsed == null ? null : parsed.get(n);
            if (kept != null) {
                return Optional.of(kept);
            }
            Optional<Template> made = load(n, neededFor);
            if (parsed != null) {
                made.ifPresent(t -> parsed.put(n, t));
            }
            return made;
        });
    }

    private Optional<Template> load(String name, String neededFor) {
        try {
            return Optional.of(config.getTemplate(name));
        } catch (TemplateNotFoundException e) {
            String missing = e.getTemplateName() == null ? name : e.getTemplateName();
            problems.error(SourcePos.start(SourceTree.TEMPLATES + missing), "missing template \"" + missing
                    + "\" (needed for " + neededFor + ")", "create templates/" + missing);
        } catch (ParseException e) {
            problems.error(new SourcePos(SourceTree.TEMPLATES + (e.getTemplateName() == null ? name : e.getTemplateName()), Math.max(1, e.getLineNumber()),
                    Math.max(1, e.getColumnNumber())), "template syntax error: " + joined(e.getEditorMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    /** A multi-line message on one line: "expecting one of these patterns: \",\", \">\"". */
    static String joined(String message) {
        if (message == null) {
            return "unknown error";
        }
        String[] lines = message.strip().split("\\s*\n\\s*");
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append(lines[i - 1].endsWith(":") ? " " : ", ").append(lines[i]);
        }
        // FreeMarker appends a link to its manual and its version; the editor needs neither.
        return out.toString().replaceAll("\\s*Help \\(latest version\\):.*$", "");
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.strip().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("----"))
                .findFirst().orElse("unknown error");
    }
}
