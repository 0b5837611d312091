package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SafetyTest {

    @Test
    void textFromContentReachesHtmlEscaped() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ENGINEER, "title: Backend Engineer", "title: \"Backend <script>alert(1)</script> Engineer\"")
                .build();

        String html = built.file("roles/backend-engineer/index.html");
        assertThat(built.problems()).isEmpty();
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        assertThat(html).contains("Backend &lt;script&gt;alert(1)&lt;/script&gt; Engineer");
    }

    @Test
    void rawHtmlInMarkdownIsShownAsTextNotRun() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ENGINEER, "Builds APIs.", "Builds APIs. <img src=x onerror=alert(1)>")
                .build();

        assertThat(built.file("roles/backend-engineer/index.html")).doesNotContain("<img src=x").contains("&lt;img src=x");
    }

    @Test
    void aClosingScriptTagInContentCannotBreakOutOfJsonLd() throws Exception {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ENGINEER, "summary: Builds the server side.", "summary: \"Builds </script><b>x</b> things.\"")
                .build();

        var doc = built.html("roles/backend-engineer/index.html");
        var scripts = doc.select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(1);
        assertThat(scripts.first().data()).doesNotContain("</script>").contains("\\u003C/script\\u003E");
        var graph = new ObjectMapper().readTree(scripts.first().data()).get("@graph");
        assertThat(graph.get(0).get("description").asText()).isEqualTo("Builds </script><b>x</b> things.");
    }

    @Test
    void skillNamesCannotWriteOutsideTheOutputDirectory() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ENGINEER, "skills: [API design, SQL]", "skills: [\"../../../etc/passwd\", SQL]")
                .build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.paths()).contains("skills/etc-passwd/index.html").allMatch(p -> !p.contains(".."));
    }

    @Test
    void fileNamesThatAreNotSlugsAreRefused() {
        InlineSite.Built built = InlineSite.minimal()
                .with("content/guides/../../escape.md", "---\ntitle: x\n---\n")
                .with("content/guides/Space Name.md", "---\ntitle: x\n---\n")
                .build();

        assertThat(built.errors()).containsExactly(
                "content/guides/../../escape.md:1:1: error: file name \"../../escape.md\" does not make a valid slug",
                "content/guides/Space Name.md:1:1: error: file name \"Space Name.md\" does not make a valid slug");
    }

    @Test
    void theWriterRefusesPathsThatLeaveTheOutputDirectory() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.guidegen.output.SiteWriter.write(
                        java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "guidegen-safety-test"),
                        java.util.List.of(new dev.guidegen.render.OutputFile("../outside.html", new byte[0], ""))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves the output directory");
    }
}
