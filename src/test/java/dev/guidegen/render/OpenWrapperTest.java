package dev.guidegen.render;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenWrapperTest {

    public record Inner(String text, String url) {
    }

    public record Outer(String title, List<Inner> links, boolean flag, int count, Long missing, Long value,
            Inner inner, String getName, List<String> empty) {
    }

    /** A record that is also a collection, which the default wrapper lists rather than reads as a bean. */
    public record Listed(String first, String second) implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(first, second).iterator();
        }
    }

    private static final List<String> EXPRESSIONS = List.of(
            "${o.title}", "${o.title()}", "${o['title']}", "${o.title?is_method?c}", "${o.title?is_string?c}",
            "${o.flag?c}", "${o.flag()?c}", "${o.count + 1}", "${o.count?is_number?c}", "${o.missing!'none'}",
            "${(o.missing??)?c}", "${o.value}", "${o.inner.text}", "${o.inner.url()}", "${o.inner}",
            "${o.getName?is_method?c}", "${o.getName()}", "${o.name!'no name'}",
            "<#list o.links as l>${l.text}=${l.url}<#sep>, </#list>", "${o.links?size}", "${o.links[1].text}",
            "${o.empty?has_content?c}", "${o?has_content?c}", "${o?size}",
            "<#list o?keys?sort as k>${k} </#list>", "${o.toString()}", "${o.hashCode()?is_number?c}",
            "${o.inner.equals(o.inner)?c}", "${o.nope!'nothing'}", "${o.title?is_hash?c}", "${o?is_hash_ex?c}",
            "${o?is_string?c}", "${o?is_method?c}", "${o}", "<#list l as x>${x}</#list>", "${l?is_sequence?c}",
            "${l?is_collection?c}", "${l.first!'not a bean'}", "${o.nope}", "${o.title.nope}", "${o.count.nope}",
            "${o.links.nope}", "${o.title(1)}", "${map.o.title}", "${map?keys?size}");

    @Test
    void everyValueOfAViewReadsAsItDoesThroughTheDefaultWrapper() {
        Map<String, Object> model = Map.of(
                "o", new Outer("Backend engineer", List.of(new Inner("One", "/one/"), new Inner("Two", "/two/")),
                        true, 41, null, 116_000L, new Inner("In", "/in/"), "named", List.of()),
                "l", new Listed("a", "b"),
                "map", Map.of("o", new Outer("Nested", List.of(), false, 0, null, null, null, "n", List.of())));
        for (String expression : EXPRESSIONS) {
            String expected = render(new DefaultObjectWrapper(Configuration.VERSION_2_3_35), expression, model);
            String actual = render(OpenWrapper.shared(Configuration.VERSION_2_3_35), expression, model);
            assertThat(actual).as(expression).isEqualTo(expected);
        }
    }

    @Test
    void aRecordIsReadThroughItsAccessorsEvenAfterAnotherRecordOfTheSameClass() {
        ObjectWrapper wrapper = OpenWrapper.shared(Configuration.VERSION_2_3_35);
        assertThat(render(wrapper, "${a.text} ${b.text} ${a.url}", Map.of("a", new Inner("first", "/1/"),
                "b", new Inner("second", "/2/")))).isEqualTo("first second /1/");
    }

    private static String render(ObjectWrapper wrapper, String source, Map<String, Object> model) {
        Configuration config = new Configuration(Configuration.VERSION_2_3_35);
        config.setObjectWrapper(wrapper);
        config.setNumberFormat("computer");
        config.setLogTemplateExceptions(false);
        config.setTemplateExceptionHandler(freemarker.template.TemplateExceptionHandler.RETHROW_HANDLER);
        try {
            StringWriter out = new StringWriter();
            new Template("t", new StringReader(source), config).process(model, out);
            return out.toString();
        } catch (Exception e) {
            // the first line of the message: what went wrong, without the template's stack
            return "error: " + e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse("");
        }
    }
}
