//! Rules of the `citations` category. What they share (coverage, candidate quotations, the
//! citation index) is in `analysis::citations::coverage`.

use crate::rule::Rule;

pub mod citation_detail;
pub mod citation_page;
pub mod missing_reference;
pub mod mixed_format;
pub mod uncited_claim;
pub mod uncited_quote;
pub mod unused_reference;

pub const RULES: &[&dyn Rule] = &[
    &uncited_quote::UncitedQuote,
    &uncited_claim::UncitedClaim,
    &missing_reference::MissingReference,
    &unused_reference::UnusedReference,
    &mixed_format::MixedFormat,
    &citation_page::CitationPage,
    &citation_detail::CitationDetail,
];
