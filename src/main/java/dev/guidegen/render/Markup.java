package dev.guidegen.render;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import dev.guidegen.content.Markdown;
import dev.guidegen.content.MarkdownParser;
import dev.guidegen.site.Site;
import java.util.Set;

/** The one Markdown renderer of a build; it writes content links as the URLs the site stage resolved. */
final class Markup {

    private final HtmlRenderer renderer;

    Markup(DataHolder options, Site site) {
        renderer = HtmlRenderer.builder(options).linkResolverFactory(new LinkResolverFactory() {
            @Override
            public Set<Class<?>> getAfterDependents() {
                return null;
            }

            @Override
            public Set<Class<?>> getBeforeDependents() {
                return null;
            }

            @Override
            public boolean affectsGlobalScope() {
                return false;
            }

            @Override
            public LinkResolver apply(LinkResolverBasicContext context) {
                String source = MarkdownParser.SOURCE_PATH.get(context.getDocument());
                return (Node node, LinkResolverBasicContext ctx, ResolvedLink link) -> {
                    // "[note]" with no reference definition is text an editor wrote, not a link: leave it as text.
                    if (node instanceof com.vladsch.flexmark.ast.RefNode ref && !ref.isDefined()) {
                        return link;
                    }
                    return link.withStatus(LinkStatus.VALID).withUrl(site.resolveLink(source, link.getUrl()));
                };
            }
        }).build();
    }

    String html(Markdown markdown) {
        return renderer.render(markdown.document());
    }
}
