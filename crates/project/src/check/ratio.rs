//! A locale's length ratio for the check: summed from the characters the
//! cache holds for each sampled page whose pair is unchanged, the others
//! read (and kept for their check).

use model::Locale;
use rayon::prelude::*;

use super::cache::{Key, LocaleCache};
use super::inputs::Inputs;
use crate::align::{length_ratio, ratio_sample};
use crate::{Config, Result, TranslatedPage};

/// A locale's ratio, and the sampled pages read to measure it.
pub(crate) struct Ratio<'s> {
    pub ratio: Option<f32>,
    /// By page: the translation, read, when it was.
    pub read: Vec<Option<TranslatedPage<'s>>>,
}

/// The ratio of each of `locales` over its sample (as
/// [`crate::locale_ratios`] chooses it: [`ratio_sample`]), `pair_keys` giving each page
/// pair's key by locale and page.
pub(crate) fn of_locales<'s>(
    config: &Config,
    inputs: &'s Inputs,
    locales: &[Locale],
    stored: &[LocaleCache],
    pair_keys: &[Vec<Option<Key>>],
) -> Result<Vec<Ratio<'s>>> {
    let n = inputs.pages.len();
    let mut chars = vec![(0usize, 0usize); locales.len()];
    let mut unknown: Vec<(usize, usize)> = Vec::new();
    for (l, keys) in pair_keys.iter().enumerate() {
        let has: Vec<usize> = (0..n).filter(|&k| keys[k].is_some()).collect();
        for k in ratio_sample(has) {
            let cached = keys[k].and_then(|key| {
                stored[l]
                    .pages
                    .get(&inputs.pages[k].path)
                    .filter(|e| e.pair_is(key))
            });
            match cached {
                Some(entry) => {
                    chars[l].0 += entry.chars.0;
                    chars[l].1 += entry.chars.1;
                }
                None => unknown.push((l, k)),
            }
        }
    }
    let mut sources: Vec<usize> = unknown.iter().map(|&(_, k)| k).collect();
    sources.sort_unstable();
    sources.dedup();
    inputs.build(config, &sources)?;
    // Each page's characters are counted by the thread that read it.
    let read: Vec<(usize, usize, TranslatedPage<'s>, (usize, usize))> = unknown
        .into_par_iter()
        .filter_map(|(l, k)| {
            let read = inputs
                .source(config, k)
                .and_then(|source| TranslatedPage::read(config, source, &locales[l]));
            match read {
                Ok(page) => page.map(|p| {
                    let chars = p.chars();
                    Ok((l, k, p, chars))
                }),
                Err(e) => Some(Err(e)),
            }
        })
        .collect::<Result<_>>()?;
    let mut out: Vec<Ratio<'s>> = locales
        .iter()
        .map(|_| Ratio {
            ratio: None,
            read: (0..n).map(|_| None).collect(),
        })
        .collect();
    for (l, k, page, (source, translated)) in read {
        chars[l].0 += source;
        chars[l].1 += translated;
        out[l].read[k] = Some(page);
    }
    for (ratio, (source, translated)) in out.iter_mut().zip(chars) {
        ratio.ratio = length_ratio(source, translated);
    }
    Ok(out)
}
