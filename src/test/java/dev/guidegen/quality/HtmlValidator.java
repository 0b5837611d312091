package dev.guidegen.quality;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import nu.validator.validation.SimpleDocumentValidator;

/**
 * Nu HTML Checker (vnu) run in-process. Reports errors only; warnings and info are dropped.
 *
 * <p>Setting up the schema costs about a second, so create one instance and reuse it for
 * every page. An instance is not thread-safe; {@link #validate} is synchronized.
 */
public final class HtmlValidator {

    /** Resolved from the copy bundled in the validator jar, so no network access happens. */
    private static final String HTML5_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final SimpleDocumentValidator validator;
    private final List<SAXParseException> errors = new ArrayList<>();

    public HtmlValidator() {
        ErrorHandler collector = new ErrorHandler() {
            @Override public void warning(SAXParseException e) { }
            @Override public void error(SAXParseException e) { errors.add(e); }
            @Override public void fatalError(SAXParseException e) { errors.add(e); }
        };
        // (initializeLog4j, logUrls, enableLanguageDetection): log4j must be initialised or
        // log4j 1.x prints "no appenders" warnings; language detection only yields warnings.
        validator = new SimpleDocumentValidator(true, false, false);
        org.apache.log4j.Logger.getRootLogger().setLevel(org.apache.log4j.Level.WARN);
        try {
            validator.setUpMainSchema(HTML5_SCHEMA, collector);
            validator.setUpValidatorAndParsers(collector, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the Nu HTML Checker", e);
        }
    }

    /** Returns one "path:line:col: message" string per error; empty when the file is valid. */
    public synchronized List<String> validate(Path htmlFile) throws IOException {
        errors.clear();
        // checkHtmlFile(File) would leak its FileInputStream, so open the stream here.
        try (InputStream in = Files.newInputStream(htmlFile)) {
            InputSource source = new InputSource(in);
            source.setSystemId(htmlFile.toUri().toString());
            validator.checkHtmlInputSource(source);
        } catch (SAXException e) {
            return List.of(htmlFile + ":0:0: " + e.getMessage());
        }
        List<String> result = new ArrayList<>();
        for (SAXParseException e : errors) {
            result.add(htmlFile + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }
        return result;
    }
}
