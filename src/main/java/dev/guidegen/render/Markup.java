package dev.guidegen.render;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.html.MutableAttributes;
import dev.guidegen.content.ImageFile;
import dev.guidegen.content.Markdown;
import dev.guidegen.content.MarkdownParser;
import dev.guidegen.site.Site;
import java.util.Set;

/**
 * The one Markdown renderer of a build. It writes content links as the URLs the site stage
 * resolved, gives images their size and lazy loading, and cleans raw HTML by the site's rule.
 */
final class Markup {

    private final HtmlRenderer renderer;
    private final Site site;

    Markup(DataHolder options, Site site) {
        this.site = site;
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
        }).attributeProviderFactory(new IndependentAttributeProviderFactory() {
            @Override
            public AttributeProvider apply(com.vladsch.flexmark.html.renderer.LinkResolverContext context) {
                return Markup.this::attributes;
            }
        }).build();
    }

    private void attributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof Image && (part == AttributablePart.NODE || part == AttributablePart.LINK)) {
            image(attributes.getValue("src"), attributes::addValue);
        } else if (node instanceof TableCell cell && cell.getAlignment() != null) {
            // "align" is obsolete HTML: the stylesheet aligns by class.
            attributes.remove("align");
            attributes.addValue("class", "align-" + cell.getAlignment().cellAlignment().name().toLowerCase(java.util.Locale.ROOT));
        } else if ((node instanceof com.vladsch.flexmark.ast.FencedCodeBlock || node instanceof com.vladsch.flexmark.ast.IndentedCodeBlock)
                && part == AttributablePart.NODE) {
            // A long line scrolls inside the block; a keyboard reaches it to scroll it.
            attributes.addValue("tabindex", "0");
        } else if (node instanceof TableBlock) {
            // A wide table scrolls inside the page; a keyboard reaches it to scroll it.
            attributes.addValue("tabindex", "0");
        }
    }

    /** Lazy loading for every image, and the size of a local one, so that nothing moves as it loads. */
    private void image(String src, java.util.function.BiConsumer<String, String> set) {
        ImageFile file = site.images().get(src);
        if (file != null && file.hasSize()) {
            set.accept("width", Integer.toString(file.width()));
            set.accept("height", Integer.toString(file.height()));
        }
        set.accept("loading", "lazy");
    }

    String html(Markdown markdown) {
        String html = renderer.render(markdown.document());
        String source = MarkdownParser.SOURCE_PATH.get(markdown.document());
        if (markdown.rawHtml() && !site.config().html().unsafe()) {
            html = site.config().html().clean(html, url -> site.resolveLink(source, url), img -> {
                if (!img.hasAttr("loading")) {
                    image(img.attr("src"), (k, v) -> {
                        if (!img.hasAttr(k)) {
                            img.attr(k, v);
                        }
                    });
                }
            });
        }
        String prefix = MarkdownParser.ID_PREFIX.get(markdown.document());
        if (!prefix.isEmpty() && html.contains("fnref-")) {
            html = html.replace("id=\"fn-", "id=\"" + prefix + "fn-").replace("href=\"#fn-", "href=\"#" + prefix + "fn-")
                    .replace("id=\"fnref-", "id=\"" + prefix + "fnref-").replace("href=\"#fnref-", "href=\"#" + prefix + "fnref-");
        }
        return html;
    }
}
