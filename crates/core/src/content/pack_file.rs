//! The pack's own description, `[pack]` in disciplines.toml: title, subtitle, authors,
//! course, licence and language, all optional.
//!
//! disciplines.toml holds it because every pack has that file and it already says what the
//! pack is about; a file of its own would be one more to forget or misname.

use super::model::Pack;
use super::reader::FileCtx;

/// Reads `[pack]`, if any. Problems are recorded in the file's context.
pub(super) fn read_pack(ctx: Option<&FileCtx<'_>>) -> Pack {
    let Some(ctx) = ctx else { return Pack::default() };
    let Some(doc) = ctx.parse() else { return Pack::default() };
    // A reader of its own: the rest of the top level is read (and checked) with the
    // disciplines.
    let mut root = ctx.plain_root(doc);
    let Some(mut t) = root.opt_table("pack", "[pack]") else { return Pack::default() };
    let language = t.opt_text("language").and_then(|l| {
        if is_language_tag(&l.value) {
            Some(l.value)
        } else {
            ctx.error(
                l.at,
                format!(
                    "`language` must be a language tag such as \"en\", \"de\" or \"pt-BR\", not `{}`",
                    l.value
                ),
            );
            None
        }
    });
    let pack = Pack {
        title: t.opt_text("title").map(|v| v.value),
        subtitle: t.opt_text("subtitle").map(|v| v.value),
        authors: t.opt_text_list("authors").unwrap_or_default().into_iter().map(|v| v.value).collect(),
        course: t.opt_text("course").map(|v| v.value),
        licence: t.opt_text("licence").map(|v| v.value),
        language,
    };
    t.finish();
    pack
}

/// A BCP 47 tag in its common shape: a 2 or 3 letter language, then subtags of 2 to 8
/// letters or digits (`en`, `en-GB`, `zh-Hant-TW`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::is_language_tag;

    #[test]
    fn language_tags() {
        for ok in ["en", "de", "pt-BR", "zh-Hant-TW", "gsw"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "English", "e", "en_GB", "en-", "fr-toolongsubtag"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
