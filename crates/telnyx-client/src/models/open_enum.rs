//! `open_enum!`: string enums that accept every documented spelling and keep unknown values.

/// Declares a string enum with an `Other(String)` fallback.
///
/// The first literal of each variant is its canonical spelling (used when serializing); the
/// remaining literals are accepted aliases. Any other string decodes to `Other(value)`, so one
/// unknown value from the API never fails a whole page (STYLE.md, Rust §3).
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => [$canon:literal $(, $alias:literal)* $(,)?] ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this client does not know, kept verbatim.
            Other(String),
        }

        impl $name {
            /// The canonical wire spelling (or the unknown value verbatim).
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $canon, )*
                    Self::Other(s) => s.as_str(),
                }
            }

            /// Parses any documented spelling; anything else becomes `Other`.
            pub fn parse(s: &str) -> Self {
                match s {
                    $( $canon $(| $alias)* => Self::$variant, )*
                    other => Self::Other(other.to_owned()),
                }
            }

            /// False for `Other(_)`.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self::parse(s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::parse(&s))
            }
        }
    };
}

pub(crate) use open_enum;
