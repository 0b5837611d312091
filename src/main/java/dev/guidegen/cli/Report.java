package dev.guidegen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guidegen.problem.Problem;
import dev.guidegen.problem.Severity;
import dev.guidegen.source.Excerpt;
import dev.guidegen.source.SourceTree;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How problems are printed: {@code text} for people (with the line and a caret under it),
 * {@code github} as workflow commands that GitHub shows as annotations on a pull request's lines,
 * {@code json} as an array for other tools.
 */
enum Report {
    text, github, json;

    /** Prints every problem; text goes to {@code err}, the formats made for machines to {@code out}. */
    void print(List<Problem> problems, SourceTree tree, PrintWriter out, PrintWriter err) {
        switch (this) {
            case text -> err.print(new Excerpt(tree).describeAll(problems));
            case github -> problems.forEach(p -> out.println(github(p)));
            case json -> out.println(json(problems));
        }
        out.flush();
        err.flush();
    }

    static String github(Problem p) {
        String message = p.message() + (p.hint() == null ? "" : "\nhint: " + p.hint());
        return "::" + (p.severity() == Severity.ERROR ? "error" : "warning") + " file=" + property(p.pos().path())
                + ",line=" + p.pos().line() + ",col=" + p.pos().col() + ",title=guidegen::" + data(message);
    }

    /** A workflow command's message, escaped as GitHub reads it. */
    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A workflow command's property value, which may not hold ':' or ',' either. */
    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    static String json(List<Problem> problems) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", p.pos().path());
            m.put("line", p.pos().line());
            m.put("col", p.pos().col());
            m.put("severity", p.severity() == Severity.ERROR ? "error" : "warning");
            m.put("message", p.message());
            m.put("hint", p.hint());
            list.add(m);
        }
        try {
            return new ObjectMapper().writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
