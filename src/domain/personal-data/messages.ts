// Message keys and texts for the personal-data guard, in Swedish (default) and English. The web layer merges these
// into its catalogs and interpolates {masked} / {excerpt}; the domain only returns keys and parameters.

export const personalDataMessagesSv = {
  "personalData.identityNumber":
    "Texten innehåller ett personnummer ({masked}). Uppgifter om enskilda personer får inte skrivas här.",
  "personalData.coordinationNumber":
    "Texten innehåller ett samordningsnummer ({masked}). Uppgifter om enskilda personer får inte skrivas här.",
  "personalData.mobilePhone":
    "Texten innehåller något som ser ut som ett privat mobilnummer ({masked}). Kontrollera att det inte är en uppgift om en enskild person.",
  "personalData.privateEmail":
    "Texten innehåller en privat e-postadress ({masked}). Kontrollera att det inte är en uppgift om en enskild person.",
  "personalData.namedPerson":
    "Texten verkar nämna en enskild person vid namn ({excerpt}). Beskriv utan namn eller andra uppgifter som kan peka ut någon.",
  "personalData.warningsHeading": "Kontrollera personuppgifter",
  "personalData.confirm": "Jag har kontrollerat texten och den innehåller inga uppgifter om enskilda personer.",
} as const;

export type PersonalDataMessageKey = keyof typeof personalDataMessagesSv;

export const personalDataMessagesEn: Record<PersonalDataMessageKey, string> = {
  "personalData.identityNumber":
    "The text contains a Swedish personal identity number ({masked}). Information about individual people must not be entered here.",
  "personalData.coordinationNumber":
    "The text contains a Swedish coordination number ({masked}). Information about individual people must not be entered here.",
  "personalData.mobilePhone":
    "The text contains what looks like a private mobile number ({masked}). Check that it is not information about an individual.",
  "personalData.privateEmail":
    "The text contains a private e-mail address ({masked}). Check that it is not information about an individual.",
  "personalData.namedPerson":
    "The text seems to name an individual ({excerpt}). Describe the situation without names or other details that could identify someone.",
  "personalData.warningsHeading": "Check for personal data",
  "personalData.confirm": "I have checked the text and it contains no information about individual people.",
};

export const personalDataMessages: Record<"sv" | "en", Record<PersonalDataMessageKey, string>> = {
  sv: personalDataMessagesSv,
  en: personalDataMessagesEn,
};
