//! The history file on disk: reading it line by line (a damaged line sets aside only
//! itself), appending answers, rewriting it whole (compaction), and refusing paths that are
//! not regular files before anything opens them (a FIFO or a terminal would block).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::history::Record;

/// What reading found: the answers, in file order, and the lines that were not answers.
#[derive(Debug, Default)]
pub(super) struct Parsed {
    pub records: Vec<Record>,
    /// (line number from 1, the line's bytes, what is wrong with it).
    pub damaged: Vec<(usize, Vec<u8>, String)>,
    /// Blank lines, a byte-order mark, carriage returns: harmless, but a rewrite drops them.
    pub untidy: bool,
}

/// Parses history bytes. `first_line` numbers the first line (reading a tail goes on from
/// where the last read stopped).
pub(super) fn parse(bytes: &[u8], first_line: usize) -> Parsed {
    if let Some(records) = parse_clean(bytes) {
        return Parsed { records, ..Parsed::default() };
    }
    let mut out = Parsed { records: Vec::with_capacity(bytes.len() / 40), ..Parsed::default() };
    let mut bytes = bytes;
    if let Some(rest) = bytes.strip_prefix("\u{feff}".as_bytes()) {
        bytes = rest;
        out.untidy = true;
    }
    // The piece after the final newline is not a line.
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    if bytes.is_empty() {
        return out;
    }
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = match line.strip_suffix(b"\r") {
            Some(l) => {
                out.untidy = true;
                l
            }
            None => line,
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            out.untidy = true;
            continue;
        }
        match serde_json::from_slice::<Record>(line) {
            Ok(r) => out.records.push(r),
            Err(e) => out.damaged.push((first_line + i, line.to_vec(), e.to_string())),
        }
    }
    out
}

/// The usual file in one pass of the JSON reader, with no splitting into lines first:
/// every line exactly one answer, each ending in a newline. `None` for anything else,
/// which the line-by-line reading then sorts out.
fn parse_clean(bytes: &[u8]) -> Option<Vec<Record>> {
    if bytes.first().is_some_and(|&b| b != b'{') {
        return None;
    }
    let mut records = Vec::with_capacity(bytes.len() / 40);
    let mut stream = serde_json::Deserializer::from_slice(bytes).into_iter::<Record>();
    while let Some(item) = stream.next() {
        records.push(item.ok()?);
        let end = stream.byte_offset();
        // The answer ends its line, and the next line starts with the next answer.
        if bytes.get(end) != Some(&b'\n') || bytes.get(end + 1).is_some_and(|&b| b != b'{') {
            return None;
        }
    }
    Some(records)
}

/// What a path is, if it is there and not a regular file (following symbolic links: a link
/// to a regular file is written through).
pub(super) fn not_regular(path: &Path) -> Option<&'static str> {
    let meta = fs::metadata(path).ok()?;
    if meta.is_file() {
        return None;
    }
    if meta.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Reads from `offset` to the end.
pub(super) fn read_from(path: &Path, offset: u64) -> io::Result<Vec<u8>> {
    let mut f = File::open(path)?;
    f.seek(SeekFrom::Start(offset))?;
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Appends `records` as lines, after a newline if the file does not end in one (a line cut
/// off by a crash then stays a line of its own), and syncs. On failure the file is cut back
/// to its old length, so a retry cannot write an answer twice. Returns the new length.
pub(super) fn append(path: &Path, records: &[Record]) -> io::Result<u64> {
    let mut f = OpenOptions::new().create(true).read(true).append(true).open(path)?;
    let old_len = f.metadata()?.len();
    let mut buf = Vec::with_capacity(64 * records.len() + 1);
    if old_len > 0 {
        let mut last = [0u8];
        f.seek(SeekFrom::Start(old_len - 1))?;
        f.read_exact(&mut last)?;
        if last[0] != b'\n' {
            buf.push(b'\n');
        }
    }
    for r in records {
        serde_json::to_writer(&mut buf, r)?;
        buf.push(b'\n');
    }
    let result = f.write_all(&buf).and_then(|()| f.sync_data());
    match result {
        Ok(()) => Ok(old_len + buf.len() as u64),
        Err(e) => {
            let _ = f.set_len(old_len);
            Err(e)
        }
    }
}

pub(super) const TMP_PREFIX: &str = "history.jsonl.tmp-";

/// Rewrites the file whole, beside its real location (through a symbolic link, so the link
/// stays a link), syncs it and renames it into place: a reader or a crash sees the old file
/// or the new one, never half of one. Returns the new length.
pub(super) fn rewrite(path: &Path, records: &[Record]) -> io::Result<u64> {
    let target = real_path(path);
    let dir = target.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    remove_stale_temporaries(&dir);
    let tmp = dir.join(format!("{TMP_PREFIX}{}", std::process::id()));
    let result = (|| {
        let mut out = io::BufWriter::new(File::create(&tmp)?);
        for r in records {
            serde_json::to_writer(&mut out, r)?;
            out.write_all(b"\n")?;
        }
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        let len = file.metadata()?.len();
        fs::rename(&tmp, &target)?;
        // The rename itself is durable once the directory is synced (where that is possible).
        let _ = File::open(&dir).and_then(|d| d.sync_all());
        Ok(len)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Where a symbolic link points (relative links resolved), else the path itself.
fn real_path(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    // A bounded walk: a loop of links ends as an error on open, not here.
    for _ in 0..40 {
        match fs::read_link(&p) {
            Ok(next) => p = p.parent().map_or(next.clone(), |d| d.join(&next)),
            Err(_) => break,
        }
    }
    p
}

/// Temporary files left by a rewrite that was killed before its rename. Every rewrite holds
/// the lock while its temporary file exists, so under the lock any that remain are stale.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if entry.file_name().to_str().is_some_and(|n| n.starts_with(TMP_PREFIX)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

pub(super) fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Creates `<path>.<what>-<time>` (or `-<time>-<n>` when taken) with these bytes, synced,
/// never replacing anything. Returns its name.
pub(super) fn write_new_beside(path: &Path, what: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let name = path.file_name().map_or_else(|| "history.jsonl".into(), |n| n.to_string_lossy().into_owned());
    let stamp = now_secs();
    for n in 0..1000 {
        let suffix = if n == 0 { format!("{what}-{stamp}") } else { format!("{what}-{stamp}-{n}") };
        let target = path.with_file_name(format!("{name}.{suffix}"));
        match OpenOptions::new().write(true).create_new(true).open(&target) {
            Ok(mut f) => {
                let written = f.write_all(bytes).and_then(|()| f.sync_all());
                if let Err(e) = written {
                    let _ = fs::remove_file(&target);
                    return Err(e);
                }
                return Ok(target);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("no free name to write under"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_line_is_only_itself() {
        let p = parse(b"{\"q\":\"a\",\"t\":1,\"ok\":true}\nnot json\n{\"q\":\"b\",\"t\":2,\"ok\":false}\n{\"q\":\"c\",\"t\"", 1);
        let ids: Vec<&str> = p.records.iter().map(|r| r.question.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        let lines: Vec<usize> = p.damaged.iter().map(|d| d.0).collect();
        assert_eq!(lines, [2, 4], "the bad line and the cut-off last one");
        assert_eq!(p.damaged[0].1, b"not json");
        assert!(!p.untidy);
    }

    #[test]
    fn boms_blank_lines_and_crlf_are_read_and_marked_untidy() {
        let p = parse(
            "\u{feff}{\"q\":\"a\",\"t\":1,\"ok\":true}\r\n\n{\"q\":\"b\",\"t\":2,\"ok\":true}\n".as_bytes(),
            1,
        );
        assert_eq!(p.records.len(), 2);
        assert!(p.damaged.is_empty());
        assert!(p.untidy);
        assert!(!parse(b"{\"q\":\"a\",\"t\":1,\"ok\":true}\n", 1).untidy);
        assert!(parse(b"", 1).records.is_empty());
    }

    #[test]
    fn append_adds_a_newline_after_a_cut_off_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h");
        fs::write(&path, "{\"q\":\"a\",\"t\":1,\"ok\":tr").unwrap();
        let len = append(&path, &[Record::new("b", 2, true)]).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text, "{\"q\":\"a\",\"t\":1,\"ok\":tr\n{\"q\":\"b\",\"t\":2,\"ok\":true}\n");
        assert_eq!(len, text.len() as u64);
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_directories_are_not_regular() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(not_regular(dir.path()), Some("a directory"));
        assert_eq!(not_regular(&dir.path().join("absent")), None);
        let file = dir.path().join("f");
        fs::write(&file, "").unwrap();
        assert_eq!(not_regular(&file), None);
        assert_eq!(not_regular(Path::new("/dev/null")), Some("a device"));
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
        if made {
            assert_eq!(not_regular(&fifo), Some("a named pipe (FIFO)"));
        }
    }
}
