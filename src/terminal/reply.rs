//! The terminal's answers to the one question the program asks it: its background colour
//! (OSC 11), followed by the device attributes (DA1), which every terminal answers, so that
//! a DA1 reply with no OSC 11 reply before it means "this terminal does not say".
//!
//! The question is sent once the screen is set up and the answers are read by the input
//! reader with the keys, so the first frame never waits for a terminal that stays silent
//! (a pseudo-terminal, a slow ssh link).

/// OSC 11 with `?` (report the background), ended by ST; then DA1.
pub const BACKGROUND_QUERY: &[u8] = b"\x1b]11;?\x1b\\\x1b[c";

/// A colour as the terminal reports it, each channel scaled to 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb {
    pub r: f32,
    pub g: f32,
    pub b: f32,
}

impl Rgb {
    /// Whether text for a light background reads best on it: its perceived lightness (CIE
    /// L*, from the sRGB luminance) is over half.
    pub fn is_light(self) -> bool {
        let linear = |c: f32| if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) };
        let y = 0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b);
        let lightness = if y <= 216.0 / 24389.0 { y * 24389.0 / 27.0 } else { 116.0 * y.cbrt() - 16.0 };
        lightness > 50.0
    }
}

/// What an OSC sequence at the start of some bytes (which begin `ESC ]`) is.
#[derive(Debug, PartialEq)]
pub enum Osc {
    /// A whole sequence of this many bytes, and the background it reports if it is a valid
    /// OSC 11 reply (any other OSC is dropped).
    Done(Option<Rgb>, usize),
    /// Not an OSC after all: a control character (a key such as Enter or Escape) came before
    /// its end. The first this many bytes are dropped; what follows is read afresh.
    Abandoned(usize),
    /// Its end has not come yet.
    Incomplete,
}

/// Reads the OSC sequence at the start of `b`, ended by BEL or ST (`ESC \`).
pub fn parse_osc(b: &[u8]) -> Osc {
    debug_assert!(b.starts_with(b"\x1b]"));
    for (i, &c) in b.iter().enumerate().skip(2) {
        let (body, used) = match c {
            0x07 => (&b[2..i], i + 1),
            0x1b => match b.get(i + 1) {
                None => return Osc::Incomplete,
                Some(b'\\') => (&b[2..i], i + 2),
                Some(_) => return Osc::Abandoned(i),
            },
            0x00..=0x1f | 0x7f => return Osc::Abandoned(i),
            _ => continue,
        };
        return Osc::Done(background(body), used);
    }
    Osc::Incomplete
}

/// `11;rgb:R/G/B`, one to four hex digits a channel, as xterm and its followers report it.
fn background(body: &[u8]) -> Option<Rgb> {
    let spec = body.strip_prefix(b"11;rgb:")?;
    let mut channels = spec.split(|&c| c == b'/').map(channel);
    let (r, g, b) = (channels.next()??, channels.next()??, channels.next()??);
    channels.next().is_none().then_some(Rgb { r, g, b })
}

/// One channel: `h` to `hhhh`, scaled by its own number of digits (`f` and `ffff` are both
/// full).
fn channel(digits: &[u8]) -> Option<f32> {
    if digits.is_empty() || digits.len() > 4 || !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let value = u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()?;
    let full = (1u32 << (4 * digits.len())) - 1;
    Some(value as f32 / full as f32)
}

/// Whether a CSI sequence's parameters and final byte are a DA1 reply (`ESC [ ? 62 ; 22 c`).
pub fn is_device_attributes(body: &[u8], final_byte: u8) -> bool {
    final_byte == b'c'
        && body.strip_prefix(b"?").is_some_and(|p| p.iter().all(|c| c.is_ascii_digit() || *c == b';'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bg(reply: &[u8]) -> Option<Rgb> {
        match parse_osc(reply) {
            Osc::Done(rgb, used) => {
                assert_eq!(used, reply.len(), "the whole reply is used");
                rgb
            }
            other => panic!("{other:?} for {reply:?}"),
        }
    }

    #[test]
    fn backgrounds_in_every_digit_count_and_both_endings() {
        for reply in [
            &b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\"[..],
            b"\x1b]11;rgb:ff/ff/ff\x07",
            b"\x1b]11;rgb:fff/fff/fff\x07",
            b"\x1b]11;rgb:f/f/f\x1b\\",
            b"\x1b]11;rgb:FdF6/e3E3/C7c7\x07",
        ] {
            assert!(bg(reply).expect("a background").is_light(), "{reply:?}");
        }
        for reply in [
            &b"\x1b]11;rgb:0000/0000/0000\x1b\\"[..],
            b"\x1b]11;rgb:1e/1e/2e\x07",
            b"\x1b]11;rgb:2/2/3\x07",
            // Solarized dark.
            b"\x1b]11;rgb:0000/2b2b/3636\x1b\\",
        ] {
            assert!(!bg(reply).expect("a background").is_light(), "{reply:?}");
        }
        // Mid grey is dark, a slightly lighter grey light (L* 50 lies near 0x77).
        assert!(!bg(b"\x1b]11;rgb:70/70/70\x07").unwrap().is_light());
        assert!(bg(b"\x1b]11;rgb:80/80/80\x07").unwrap().is_light());
        // Each channel is scaled by its own digits.
        assert_eq!(bg(b"\x1b]11;rgb:f/00/0000\x07"), Some(Rgb { r: 1.0, g: 0.0, b: 0.0 }));
    }

    #[test]
    fn other_oscs_and_malformed_replies_report_nothing() {
        for reply in [
            // The foreground, a title, a palette entry: whole sequences, dropped.
            &b"\x1b]10;rgb:0000/0000/0000\x1b\\"[..],
            b"\x1b]0;title\x07",
            b"\x1b]4;1;rgb:ff/00/00\x07",
            // The question itself echoed back, and near misses.
            b"\x1b]11;?\x1b\\",
            b"\x1b]11;rgb:ffff/ffff\x07",
            b"\x1b]11;rgb:ffff/ffff/ffff/ffff\x07",
            b"\x1b]11;rgb:fffff/ffff/ffff\x07",
            b"\x1b]11;rgb:ff/gg/ff\x07",
            b"\x1b]11;rgb:ff//ff\x07",
            b"\x1b]11;rgba:ff/ff/ff/ff\x07",
            b"\x1b]111;rgb:ff/ff/ff\x07",
            b"\x1b]11;#ffffff\x07",
        ] {
            assert_eq!(bg(reply), None, "{reply:?}");
        }
    }

    #[test]
    fn unfinished_and_abandoned() {
        assert_eq!(parse_osc(b"\x1b]"), Osc::Incomplete);
        assert_eq!(parse_osc(b"\x1b]11;rgb:ff/ff"), Osc::Incomplete);
        assert_eq!(parse_osc(b"\x1b]11;rgb:ff/ff/ff\x1b"), Osc::Incomplete);
        // Alt-] and then Enter, or Escape and a key: not an OSC.
        assert_eq!(parse_osc(b"\x1b]\r"), Osc::Abandoned(2));
        assert_eq!(parse_osc(b"\x1b]ab\x1bx"), Osc::Abandoned(4));
    }

    #[test]
    fn device_attributes() {
        assert!(is_device_attributes(b"?62;22", b'c'));
        assert!(is_device_attributes(b"?1;2", b'c'));
        assert!(is_device_attributes(b"?6", b'c'));
        assert!(!is_device_attributes(b"62;22", b'c'), "DA1 itself, as sent, is no reply");
        assert!(!is_device_attributes(b"", b'c'));
        assert!(!is_device_attributes(b"?62", b'n'));
        assert!(!is_device_attributes(b"?6x", b'c'));
    }
}
