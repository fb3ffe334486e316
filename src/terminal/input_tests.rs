//! The input parser: keys, mouse reports, pastes, and the terminal's answers.

use super::*;

fn events(chunks: &[&[u8]]) -> Vec<Incoming> {
    let mut p = Parser::default();
    let mut out = Vec::new();
    for c in chunks {
        p.feed(c, &mut out);
    }
    out
}

fn k(code: KeyCode, m: KeyModifiers) -> Incoming {
    key(code, m).into()
}

fn paste(text: &str) -> Incoming {
    Event::Paste(text.into()).into()
}

#[test]
fn keys_as_crossterm_reads_them() {
    use KeyCode::*;
    let none = KeyModifiers::NONE;
    assert_eq!(
        events(&[b"aG\r\t\x7f\x03\x1a", "é供".as_bytes()]),
        [
            k(Char('a'), none),
            k(Char('G'), KeyModifiers::SHIFT),
            k(Enter, none),
            k(Tab, none),
            k(Backspace, none),
            k(Char('c'), KeyModifiers::CONTROL),
            k(Char('z'), KeyModifiers::CONTROL),
            k(Char('é'), none),
            k(Char('供'), none),
        ]
    );
    assert_eq!(
        events(&[b"\x1b[A\x1bOB\x1b[1;5C\x1b[D\x1b[H\x1b[4~\x1b[5~\x1b[6~\x1b[Z\x1b[3~"]),
        [
            k(Up, none),
            k(Down, none),
            k(Right, KeyModifiers::CONTROL),
            k(Left, none),
            k(Home, none),
            k(End, none),
            k(PageUp, none),
            k(PageDown, none),
            k(BackTab, KeyModifiers::SHIFT),
            k(Delete, none),
        ]
    );
    // A lone ESC is Escape once nothing follows it; ESC and a key in one read is Alt;
    // a sequence split just after its ESC is still the sequence.
    let mut p = Parser::default();
    let mut out = Vec::new();
    p.feed(b"\x1b", &mut out);
    assert!(out.is_empty() && p.patience() == ESC_WAIT);
    p.quiet(&mut out);
    assert_eq!(out, [k(Esc, none)]);
    assert_eq!(events(&[b"\x1b", b"[<0;5;21M"]).len(), 1, "one mouse report, not Escape and keys");
    assert_eq!(events(&[b"\x1bx"]), [k(Char('x'), KeyModifiers::ALT)]);
    // A sequence or a character split over two reads.
    assert_eq!(events(&[b"\x1b[", b"B"]), [k(Down, none)]);
    assert_eq!(events(&["供".as_bytes()[..2].as_ref(), &"供".as_bytes()[2..]]), [k(Char('供'), none)]);
}

#[test]
fn mouse_reports() {
    let at = |kind, column, row| {
        Incoming::Event(Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }))
    };
    assert_eq!(
        events(&[b"\x1b[<0;10;5M\x1b[<0;10;5m\x1b[<65;1;1M\x1b[<64;2;2M\x1b[M !!"]),
        [
            at(MouseEventKind::Down(MouseButton::Left), 9, 4),
            at(MouseEventKind::Up(MouseButton::Left), 9, 4),
            at(MouseEventKind::ScrollDown, 0, 0),
            at(MouseEventKind::ScrollUp, 1, 1),
            at(MouseEventKind::Down(MouseButton::Left), 0, 0),
        ]
    );
}

#[test]
fn pastes_whole_split_and_unfinished() {
    assert_eq!(
        events(&[b"\x1b[200~a q\nb\x1b[201~x"]),
        [paste("a q\nb"), k(KeyCode::Char('x'), KeyModifiers::NONE)]
    );
    // Split anywhere, the end marker too.
    assert_eq!(events(&[b"\x1b[20", b"0~ab\x1b[2", b"01~"]), [paste("ab")]);
    // A lone start marker: nothing comes out until a quiet moment; then the paste ends
    // there and keys are keys again.
    let mut p = Parser::default();
    let mut out = Vec::new();
    p.feed(b"\x1b[200~abc", &mut out);
    p.feed(b"q", &mut out);
    assert!(out.is_empty() && p.waiting());
    p.quiet(&mut out);
    assert_eq!(out, [paste("abcq")]);
    out.clear();
    p.feed(b"q", &mut out);
    assert_eq!(out, [k(KeyCode::Char('q'), KeyModifiers::NONE)]);
    // A stray end marker is nothing.
    assert_eq!(events(&[b"\x1b[201~q"]), [k(KeyCode::Char('q'), KeyModifiers::NONE)]);
}

/// What `q` reads as after `chunks` were fed, in those reads, and a quiet moment.
fn key_after_quiet(chunks: &[Vec<u8>]) -> Vec<Incoming> {
    let mut p = Parser::default();
    let mut out = Vec::new();
    for c in chunks {
        p.feed(c, &mut out);
    }
    p.quiet(&mut out);
    out.clear();
    p.feed(b"q", &mut out);
    out
}

proptest::proptest! {
    /// Whatever bytes came, in whatever reads, a quiet moment ends what they began:
    /// the next key is read as that key.
    #[test]
    fn after_any_bytes_and_a_quiet_moment_a_key_is_a_key(
        chunks in proptest::collection::vec(proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), 0..6)
    ) {
        proptest::prop_assert_eq!(key_after_quiet(&chunks), vec![k(KeyCode::Char('q'), KeyModifiers::NONE)]);
    }
}

#[test]
fn noise_is_dropped_and_never_wedges() {
    let mut chunk = b"\x1b[".to_vec();
    chunk.extend([b'1'; 100]);
    chunk.extend(b"q");
    let out = events(&[&chunk, b"\xff\xfe", b"j"]);
    assert_eq!(out.last(), Some(&k(KeyCode::Char('j'), KeyModifiers::NONE)));
}

/// A light terminal's answer to the background question.
const LIGHT_BACKGROUND: &[u8] = b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\";

/// The answers a light terminal gives: the foreground too (some send it), the background,
/// then the device attributes.
const LIGHT_EXCHANGE: &[u8] = b"\x1b]10;rgb:0000/0000/0000\x1b\\\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c";

fn is_background(i: &Incoming) -> bool {
    matches!(i, Incoming::Background(_))
}

fn light(i: &Incoming) -> bool {
    matches!(i, Incoming::Background(rgb) if rgb.is_light())
}

#[test]
fn the_answers_are_answers_not_keys() {
    let out = events(&[LIGHT_EXCHANGE]);
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(light(&out[0]), "{out:?}");
    assert_eq!(out[1], Incoming::Attributes);
    // A terminal that cannot report its background answers DA1 alone.
    assert_eq!(events(&[b"\x1b[?1;2c"]), [Incoming::Attributes]);
    // Ended by BEL, with two digits a channel, dark.
    let out = events(&[b"\x1b]11;rgb:1e/1e/2e\x07"]);
    assert!(matches!(out[..], [Incoming::Background(rgb)] if !rgb.is_light()), "{out:?}");
    // The question echoed back (a terminal that does not know it) is nothing.
    assert_eq!(events(&[b"\x1b]11;?\x1b\\\x1b[c"]), []);
}

#[test]
fn a_reply_split_at_every_byte_is_one_answer() {
    for reply in [LIGHT_BACKGROUND, b"\x1b]11;rgb:ff/ff/ff\x07", b"\x1b[?62;22c"] {
        let whole = events(&[reply]);
        assert_eq!(whole.len(), 1, "{reply:?}");
        for at in 0..=reply.len() {
            assert_eq!(events(&[&reply[..at], &reply[at..]]), whole, "split at {at} of {reply:?}");
            for end in at..=reply.len() {
                let three = events(&[&reply[..at], &reply[at..end], &reply[end..]]);
                assert_eq!(three, whole, "split at {at} and {end} of {reply:?}");
            }
        }
        // A byte per read.
        let bytes: Vec<&[u8]> = reply.chunks(1).collect();
        assert_eq!(events(&bytes), whole);
    }
}

#[test]
fn alt_bracket_and_a_key_is_not_swallowed() {
    // Alt-] then Enter, and Alt-] then Escape and j: the keys after still count.
    assert_eq!(events(&[b"\x1b]\r"]), [k(KeyCode::Enter, KeyModifiers::NONE)]);
    assert_eq!(events(&[b"\x1b]", b"\x1bj"]), [k(KeyCode::Char('j'), KeyModifiers::ALT)]);
    // Alt-] alone, then a quiet moment: it was noise, and q is q.
    let mut p = Parser::default();
    let mut out = Vec::new();
    p.feed(b"\x1b]", &mut out);
    assert!(out.is_empty() && p.waiting());
    p.quiet(&mut out);
    p.feed(b"q", &mut out);
    assert_eq!(out, [k(KeyCode::Char('q'), KeyModifiers::NONE)]);
}

/// A well-formed OSC 11 reply, checked the plain way: `ESC ] 11 ; rgb:` three channels of
/// one to four hex digits, then BEL or ST.
fn well_formed(b: &[u8]) -> bool {
    let Some(rest) = b.strip_prefix(b"\x1b]11;rgb:") else { return false };
    let Some(spec) = rest.strip_suffix(b"\x07").or_else(|| rest.strip_suffix(b"\x1b\\")) else {
        return false;
    };
    let parts: Vec<&[u8]> = spec.split(|&c| c == b'/').collect();
    parts.len() == 3
        && parts.iter().all(|p| (1..=4).contains(&p.len()) && p.iter().all(u8::is_ascii_hexdigit))
}

/// Bytes a reply is made of, and those that end or break one.
const REPLY_BYTES: &[u8] = b"\x1b\x07\\]11;rgb:/0fFgc?[\rq ";

fn reply_bytes(max: usize) -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
    proptest::collection::vec(proptest::sample::select(REPLY_BYTES), 0..max)
}

fn keys_text() -> impl proptest::strategy::Strategy<Value = String> {
    "[a-zA-Z0-9 /?]{0,12}"
}

fn typed(text: &str) -> Vec<Incoming> {
    text.chars()
        .map(|c| {
            let shift = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
            k(KeyCode::Char(c), shift)
        })
        .collect()
}

proptest::proptest! {
    /// Keys typed just before and after the answer arrive, the lot split anywhere: the keys
    /// are the same keys, in order, and the answer is one answer between them.
    #[test]
    fn a_reply_amid_keys(
        before in keys_text(),
        after in keys_text(),
        cuts in proptest::collection::vec(0usize..200, 0..4),
        dark in proptest::prelude::any::<bool>(),
    ) {
        let reply: &[u8] = if dark { b"\x1b]11;rgb:0000/0000/0000\x07" } else { LIGHT_BACKGROUND };
        let mut bytes = before.as_bytes().to_vec();
        bytes.extend_from_slice(reply);
        bytes.extend_from_slice(after.as_bytes());
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (bytes.len() + 1)).collect();
        cuts.sort_unstable();
        let mut chunks = Vec::new();
        let mut from = 0;
        for c in cuts {
            chunks.push(&bytes[from..c]);
            from = c;
        }
        chunks.push(&bytes[from..]);
        let mut expected = typed(&before);
        let answer = events(&[reply]);
        proptest::prop_assert_eq!(answer.len(), 1);
        proptest::prop_assert_eq!(light(&answer[0]), !dark);
        expected.extend(answer);
        expected.extend(typed(&after));
        proptest::prop_assert_eq!(events(&chunks), expected);
    }

    /// Bytes of the kind replies are made of, in any order and any reads: a background is
    /// reported no more often than a well-formed reply occurs in them.
    #[test]
    fn garbage_never_becomes_a_background(
        chunks in proptest::collection::vec(reply_bytes(30), 0..6)
    ) {
        let all: Vec<u8> = chunks.concat();
        let mut p = Parser::default();
        let mut out = Vec::new();
        for c in &chunks {
            p.feed(c, &mut out);
        }
        p.quiet(&mut out);
        let reported = out.iter().filter(|i| is_background(i)).count();
        let formed = (0..all.len())
            .filter(|&i| (i + 1..=all.len()).any(|j| well_formed(&all[i..j])))
            .count();
        proptest::prop_assert!(reported <= formed, "{} backgrounds from {:?}", reported, all);
    }

    /// A real reply with one byte changed (or cut short) is a background exactly when it
    /// still begins with a well-formed reply (a BEL put in early ends a shorter one).
    #[test]
    fn a_damaged_reply_is_no_background(
        at in 0usize..LIGHT_BACKGROUND.len(),
        byte in proptest::sample::select(REPLY_BYTES),
        cut in proptest::prelude::any::<bool>(),
    ) {
        let mut reply = LIGHT_BACKGROUND.to_vec();
        if cut {
            reply.truncate(at);
        } else {
            reply[at] = byte;
        }
        let mut p = Parser::default();
        let mut out = Vec::new();
        p.feed(&reply, &mut out);
        p.quiet(&mut out);
        let reported = out.iter().filter(|i| is_background(i)).count();
        let formed = (1..=reply.len()).any(|end| well_formed(&reply[..end]));
        proptest::prop_assert_eq!(reported, usize::from(formed), "{:?} from {:?}", out, reply);
    }

    /// Whatever of that kind came, a quiet moment ends it: the next key is that key.
    #[test]
    fn after_reply_bytes_and_a_quiet_moment_a_key_is_a_key(
        chunks in proptest::collection::vec(reply_bytes(40), 0..6)
    ) {
        proptest::prop_assert_eq!(key_after_quiet(&chunks), vec![k(KeyCode::Char('q'), KeyModifiers::NONE)]);
    }
}
