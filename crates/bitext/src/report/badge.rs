//! A locale's badge: an SVG in the flat style of shields.io badges, with
//! the share of its segments translated.

/// Roughly the width of `text` in 11px Verdana, the badges' font.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ':' | '|' | '!' | '\'' => 4,
            'm' | 'w' | 'M' | 'W' | '%' => 11,
            c if c.is_ascii_uppercase() || c.is_ascii_digit() => 8,
            _ => 7,
        })
        .sum::<usize>()
        + 10
}

/// The badge's colour: green when nearly all is translated, red when little.
fn colour(percent: f64) -> &'static str {
    match percent {
        p if p >= 95.0 => "#4c1",
        p if p >= 80.0 => "#97ca00",
        p if p >= 60.0 => "#dfb317",
        p if p >= 40.0 => "#fe7d37",
        _ => "#e05d44",
    }
}

/// Escapes text for XML.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The badge of `locale`, `percent` of its segments translated.
pub(super) fn svg(locale: &str, percent: f64) -> String {
    let label = xml(&format!("translated {locale}"));
    let value = format!("{percent:.0}%");
    let (left, right) = (width(&label), width(&value));
    let total = left + right;
    let colour = colour(percent);
    let (lx, rx) = (left * 5, left * 10 + right * 5);
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{label}: {value}"><title>{label}: {value}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="{total}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="{left}" height="20" fill="#555"/><rect x="{left}" width="{right}" height="20" fill="{colour}"/><rect width="{total}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="110"><text x="{lx}" y="140" transform="scale(.1)">{label}</text><text x="{rx}" y="140" transform="scale(.1)">{value}</text></g></svg>
"##
    )
}

#[cfg(test)]
mod tests {
    use super::svg;

    #[test]
    fn a_badge_names_its_locale_and_share() {
        let badge = svg("pt-BR", 87.46);
        assert!(badge.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(badge.contains("translated pt-BR: 87%"));
        assert!(badge.contains("#97ca00"));
        assert!(svg("it", 12.0).contains("#e05d44"));
    }
}
