//! The words of Telnyx messaging a person may not know, each explained in one line, written once.
//! The app exports them into the window's bindings (`GLOSSARY` in `ui/src/bindings.ts`); the
//! window shows an explanation on hover or keyboard focus wherever the term appears
//! (`ui/src/components/Term.tsx`), and readiness's checklist lines name their term.

use serde::Serialize;

/// A term the glossary explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Term {
    TenDlc,
    TollFreeVerification,
    MessagingProfile,
    Webhook,
    E164,
}

impl Term {
    pub const ALL: [Term; 5] = [
        Term::TenDlc,
        Term::TollFreeVerification,
        Term::MessagingProfile,
        Term::Webhook,
        Term::E164,
    ];

    /// The term as written.
    pub fn word(self) -> &'static str {
        match self {
            Term::TenDlc => "10DLC",
            Term::TollFreeVerification => "Toll-free verification",
            Term::MessagingProfile => "Messaging profile",
            Term::Webhook => "Webhook",
            Term::E164 => "E.164",
        }
    }

    /// One line for someone who has never met the term.
    pub fn explanation(self) -> &'static str {
        match self {
            Term::TenDlc => "The US registration for texting from ordinary local numbers: you register your business (brand) and what you send (campaign), then assign numbers to the campaign. Without it, US carriers filter or block the texts.",
            Term::TollFreeVerification => "The review US and Canadian carriers require before a toll-free number may text: you describe your business and messages, and Telnyx and its partners check them.",
            Term::MessagingProfile => "A group of settings in Telnyx that numbers text through: where incoming texts are sent (the webhook), who may be texted, and sending rules. A number texts only when it is on one.",
            Term::Webhook => "The web address of your own application where Telnyx delivers incoming texts and delivery reports, set on the messaging profile.",
            Term::E164 => "The international way to write a phone number: a plus sign, the country code, then the number without spaces, such as +12125550100.",
        }
    }
}

/// A term with its explanation, as the window shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GlossaryEntry {
    pub key: Term,
    pub word: &'static str,
    pub explanation: &'static str,
}

/// Every term with its words (exported to the window as `GLOSSARY`).
pub fn glossary() -> [GlossaryEntry; 5] {
    Term::ALL.map(|t| GlossaryEntry {
        key: t,
        word: t.word(),
        explanation: t.explanation(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_explained_in_one_sentence_or_two() {
        for entry in glossary() {
            assert!(!entry.word.is_empty());
            assert!(entry.explanation.ends_with('.'), "{:?}", entry.key);
            assert!(!entry.explanation.contains('\n'), "{:?}", entry.key);
            assert!(entry.explanation.len() < 260, "{:?} is too long", entry.key);
        }
        assert_eq!(
            serde_json::to_value(glossary()[4]).expect("serializes"),
            serde_json::json!({"key": "e164", "word": "E.164", "explanation": Term::E164.explanation()})
        );
    }
}
