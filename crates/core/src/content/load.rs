//! Loading: files → text → spanned TOML → checked model, collecting every problem on the way.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::compare_file::build_compare;
use super::diag::{Diagnostic, LineIndex, LoadError};
use super::fit_file::build_fit;
use super::glossary_file::build_glossary;
use super::model::Content;
use super::quiz_file::build_quiz;
use super::reader::FileCtx;
use super::resolve::Resolver;

/// Files over this size are refused before being read.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The files of a content pack, in the order they are read.
pub const FILES: [&str; 6] =
    ["disciplines.toml", "sources.toml", "compare.toml", "quiz.toml", "glossary.toml", "fit.toml"];

/// Files a pack may leave out: without `quiz.toml` the quiz offers only the drill built from
/// the comparison; without the others, their tabs say there is nothing to show.
pub const OPTIONAL_FILES: [&str; 3] = ["quiz.toml", "glossary.toml", "fit.toml"];

/// The default content, compiled into the binary so it runs from anywhere.
pub const BUILTIN: [(&str, &str); 6] = [
    ("disciplines.toml", include_str!("../../../../content/disciplines.toml")),
    ("sources.toml", include_str!("../../../../content/sources.toml")),
    ("compare.toml", include_str!("../../../../content/compare.toml")),
    ("quiz.toml", include_str!("../../../../content/quiz.toml")),
    ("glossary.toml", include_str!("../../../../content/glossary.toml")),
    ("fit.toml", include_str!("../../../../content/fit.toml")),
];

/// Where content comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentSource {
    Builtin,
    Dir(PathBuf),
}

/// One file's text (or why it could not be read), ready for parsing.
pub struct FileText {
    pub path: String,
    pub text: Option<String>,
    /// Problems found while reading (missing, too big, invalid UTF-8).
    pub problems: Vec<Diagnostic>,
}

/// Content that loaded, and the warnings found in it: likely mistakes that did not stop it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub content: Content,
    pub warnings: Vec<Diagnostic>,
}

impl Loaded {
    /// For `check --strict`: any warning fails the load, reported as an error.
    pub fn strict(self) -> Result<Loaded, LoadError> {
        if self.warnings.is_empty() {
            Ok(self)
        } else {
            Err(LoadError { diagnostics: self.warnings, warnings: Vec::new() })
        }
    }
}

impl Content {
    /// Loads and validates a content pack; on failure, every problem found.
    pub fn load(source: &ContentSource) -> Result<Content, LoadError> {
        Content::load_checked(source).map(|l| l.content)
    }

    /// Like [`Content::load`], keeping the warnings.
    pub fn load_checked(source: &ContentSource) -> Result<Loaded, LoadError> {
        let mut result = Content::load_files(source);
        if let ContentSource::Dir(dir) = source {
            let mut found = super::warnings::file_names(dir);
            let warnings = match &mut result {
                Ok(l) => &mut l.warnings,
                Err(e) => &mut e.warnings,
            };
            found.append(warnings);
            *warnings = found;
        }
        result
    }

    fn load_files(source: &ContentSource) -> Result<Loaded, LoadError> {
        match source {
            // The built-in pack's warnings are for its writers, who see them from `build.rs`
            // and `check --content content`; whoever runs the binary cannot act on them.
            ContentSource::Builtin => {
                Content::parse_builtin().map(|content| Loaded { content, warnings: Vec::new() })
            }
            ContentSource::Dir(dir) if is_not_a_directory(dir) => Err(not_a_directory(dir)),
            ContentSource::Dir(dir) => Content::from_files_checked(
                FILES
                    .iter()
                    .map(|name| {
                        let path = dir.join(name);
                        if OPTIONAL_FILES.contains(name) && !path.exists() {
                            FileText { path: path.display().to_string(), text: None, problems: Vec::new() }
                        } else {
                            read_file(&path)
                        }
                    })
                    .collect(),
            ),
        }
    }

    /// Parses and checks the built-in TOML files, as `build.rs` does at build time.
    pub fn parse_builtin() -> Result<Content, LoadError> {
        Content::parse_builtin_checked().map(|l| l.content)
    }

    /// Like [`Content::parse_builtin`], keeping the warnings.
    pub fn parse_builtin_checked() -> Result<Loaded, LoadError> {
        Content::from_files_checked(Content::builtin_files())
    }

    fn builtin_files() -> Vec<FileText> {
        BUILTIN
            .iter()
            .map(|(name, text)| FileText {
                path: format!("content/{name}"),
                text: Some((*text).to_owned()),
                problems: Vec::new(),
            })
            .collect()
    }

    /// Parses and checks the given files, which must be [`FILES`] in that order.
    pub fn from_files(files: Vec<FileText>) -> Result<Content, LoadError> {
        Content::from_files_checked(files).map(|l| l.content)
    }

    /// Like [`Content::from_files`], keeping the warnings.
    pub fn from_files_checked(files: Vec<FileText>) -> Result<Loaded, LoadError> {
        let [disciplines, sources, compare, quiz, glossary, fit]: [FileText; 6] =
            files.try_into().unwrap_or_else(|_| panic!("from_files takes exactly {FILES:?}"));
        let mut diagnostics = Vec::new();
        let mut warnings = Vec::new();
        let result = {
            let files = [&disciplines, &sources, &compare, &quiz, &glossary, &fit];
            for f in files {
                diagnostics.extend(f.problems.iter().cloned());
            }
            let [dctx, sctx, cctx, qctx, gctx, fctx] = parse_all(files);
            let (content, refs) = build_compare(dctx.as_ref(), sctx.as_ref(), cctx.as_ref());
            let content = content.map(|mut content| {
                let r = Resolver::new(refs, &content);
                let questions = build_quiz(qctx.as_ref(), &r);
                let terms = build_glossary(gctx.as_ref(), &r);
                let fit = build_fit(fctx.as_ref(), &r);
                drop(r);
                content.questions = questions;
                content.terms = terms;
                content.fit = fit;
                content.pack = super::pack_file::read_pack(dctx.as_ref());
                content
            });
            // Content warnings only for content that loaded: beside errors they would bury them.
            let clean = diagnostics.is_empty()
                && [&dctx, &sctx, &cctx, &qctx, &gctx, &fctx]
                    .iter()
                    .all(|c| c.as_ref().is_none_or(|c| !c.has_errors()));
            if clean && content.is_some() {
                super::warnings::content(&super::warnings::Files {
                    sources: sctx.as_ref(),
                    compare: cctx.as_ref(),
                    quiz: qctx.as_ref(),
                    glossary: gctx.as_ref(),
                    content: content.as_ref(),
                });
            }
            for ctx in [dctx, sctx, cctx, qctx, gctx, fctx].into_iter().flatten() {
                let (errors, found) = ctx.into_report();
                diagnostics.extend(errors);
                warnings.extend(found);
            }
            content
        };
        match result {
            Some(content) if diagnostics.is_empty() => Ok(Loaded { content, warnings }),
            _ => {
                debug_assert!(!diagnostics.is_empty(), "a failed load must say why");
                Err(LoadError { diagnostics, warnings })
            }
        }
    }
}

/// Parses every file that could be read. Parsing is most of the work for a large pack and
/// each file parses on its own, so a large pack's files are parsed on threads.
fn parse_all<'a, const N: usize>(files: [&'a FileText; N]) -> [Option<FileCtx<'a>>; N] {
    fn parse(f: &FileText) -> Option<FileCtx<'_>> {
        f.text.as_deref().map(|text| FileCtx::new(f.path.clone(), text))
    }
    let total: usize = files.iter().filter_map(|f| f.text.as_ref()).map(String::len).sum();
    if total < PARALLEL_FROM_BYTES {
        return files.map(parse);
    }
    std::thread::scope(|scope| {
        files.map(|f| scope.spawn(move || parse(f))).map(|h| h.join().expect("parsing does not panic"))
    })
}

/// Packs smaller than this (the built-in one is a tenth of it) are parsed on one thread.
const PARALLEL_FROM_BYTES: usize = 1 << 20;

/// Reads one file: refuses directories and oversized files without reading them, and reports
/// invalid UTF-8 with its position (then carries on with the valid parts, to find more).
pub fn read_file(path: &Path) -> FileText {
    let shown = path.display().to_string();
    let problem = |message: String| FileText {
        path: shown.clone(),
        text: None,
        problems: vec![Diagnostic { path: shown.clone(), line: 1, col: 1, message }],
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return problem(
                "file not found (a content directory needs disciplines.toml, sources.toml and compare.toml)"
                    .into(),
            );
        }
        Err(e) => return problem(format!("cannot read: {e}")),
    };
    if meta.is_dir() {
        return problem("is a directory, expected a TOML file".into());
    }
    // Opening a FIFO blocks until a writer comes, and a terminal or socket is read until
    // someone types Ctrl-D: only regular files are opened. (`metadata` follows links, so a
    // link to /dev/tty is caught too.)
    if !meta.is_file() {
        return problem(format!("is {}, not a regular file; not read", special_kind(&meta)));
    }
    if meta.len() > MAX_FILE_BYTES {
        return problem(too_big(meta.len()));
    }
    let mut bytes = Vec::new();
    // `take` guards against files that grow, or special files that never end.
    let read = std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return problem(format!("cannot read: {e}"));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return problem(too_big(bytes.len() as u64));
    }
    decode(shown, bytes)
}

/// What a special file is, for the message refusing it.
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_char_device() {
            return "a character device (a terminal, /dev/null, /dev/zero…)";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "a special file"
}

/// A `--content` path that exists but is not a directory: one clear problem instead of one
/// "not a directory" per pack file.
fn is_not_a_directory(dir: &Path) -> bool {
    std::fs::metadata(dir).is_ok_and(|meta| !meta.is_dir())
}

fn not_a_directory(dir: &Path) -> LoadError {
    LoadError {
        diagnostics: vec![Diagnostic {
            path: dir.display().to_string(),
            line: 1,
            col: 1,
            message: "is a file, not a directory: --content names a directory holding disciplines.toml, \
                      sources.toml and compare.toml"
                .into(),
        }],
        warnings: Vec::new(),
    }
}

fn too_big(len: u64) -> String {
    format!("file is {len} bytes, over the limit of {} MiB; not read", MAX_FILE_BYTES / (1024 * 1024))
}

/// Bytes to text. A UTF-8 byte-order mark is dropped; invalid sequences are reported (the
/// first few, each with its position) and replaced so parsing can find the remaining problems.
pub fn decode(path: String, bytes: Vec<u8>) -> FileText {
    const SHOWN: usize = 10;
    // A file in another Unicode encoding is one problem, not one per character.
    if let Some(encoding) = wide_encoding(&bytes) {
        let notepad = if encoding == "UTF-16" { " (what Windows Notepad calls \"Unicode\")" } else { "" };
        let message = format!(
            "the file is saved as {encoding}{notepad}; this program reads \
             UTF-8 only: save it as UTF-8"
        );
        return FileText {
            path: path.clone(),
            text: None,
            problems: vec![Diagnostic { path, line: 1, col: 1, message }],
        };
    }
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => FileText { path, text: Some(text), problems: Vec::new() },
        Err(e) => {
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // Positions are found in the lossy text, where each bad sequence is one U+FFFD
            // (a genuine U+FFFD in the file is told apart by checking the original bytes).
            let mut bad: Vec<(usize, Vec<u8>)> = Vec::new();
            let mut offset = 0;
            for chunk in bytes.utf8_chunks() {
                offset += chunk.valid().len();
                if !chunk.invalid().is_empty() {
                    match bad.last_mut() {
                        // Neighbouring bad bytes are one problem to the reader.
                        Some((_, seq)) if chunk.valid().is_empty() => seq.extend(chunk.invalid()),
                        _ => bad.push((offset, chunk.invalid().to_vec())),
                    }
                    offset += '\u{fffd}'.len_utf8();
                }
            }
            let index = LineIndex::new(&text);
            let mut problems: Vec<Diagnostic> = bad
                .iter()
                .take(SHOWN)
                .map(|(at, seq)| {
                    let (line, col) = index.line_col(&text, *at);
                    let hex: Vec<String> = seq.iter().map(|b| format!("{b:#04x}")).collect();
                    Diagnostic {
                        path: path.clone(),
                        line,
                        col,
                        message: format!("invalid UTF-8 (bytes {}); save the file as UTF-8", hex.join(" ")),
                    }
                })
                .collect();
            if bad.len() > SHOWN {
                let (line, col) = index.line_col(&text, bad[SHOWN].0);
                problems.push(Diagnostic {
                    path: path.clone(),
                    line,
                    col,
                    message: format!("{} more invalid UTF-8 sequences", bad.len() - SHOWN),
                });
            }
            FileText { path, text: Some(text), problems }
        }
    }
}

/// UTF-16 or UTF-32, by its byte-order mark or, without one, by the zero bytes that ASCII
/// text has in those encodings (a UTF-8 text file has none).
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xff, 0xfe, 0, 0]) || bytes.starts_with(&[0, 0, 0xfe, 0xff]) {
        return Some("UTF-32");
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Some("UTF-16");
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros = sample.iter().filter(|&&b| b == 0).count();
    if sample.len() < 4 || zeros * 3 < sample.len() {
        None
    } else if zeros * 3 >= sample.len() * 2 {
        Some("UTF-32")
    } else {
        Some("UTF-16")
    }
}
