// Why Telnyx refused to change a number's profile, in words: the Telnyx error code explained.
import { CommandError } from "../../lib/ipc";

const explanations: Record<string, string> = {
  "10005":
    "Telnyx could not find this number or that profile on the account (error 10005). It may have been removed: refresh the list.",
  "10006":
    "Telnyx did not recognise the number's or the profile's id (error 10006). Refresh the list and try again.",
  "10007":
    "Telnyx had an unexpected problem on its side (error 10007). Nothing changed; try again in a few minutes.",
  "10010":
    "This API key is not allowed to change this number (error 10010). Ask the account owner for a key with full access.",
  "10011": "Telnyx is limiting how fast changes can be made (error 10011). Wait a moment and try again.",
  "10015":
    "Telnyx found the request invalid (error 10015): usually the profile does not exist on this account or cannot take this number.",
  "40323":
    "Telnyx could not turn messaging on for this number (error 40323). Check that the number can send texts in its country, or contact Telnyx support.",
  "40324":
    "Telnyx could not change the number's messaging product (error 40324): another product on the number conflicts with this profile.",
};

/** A sentence saying why a profile change failed; Telnyx's own detail is added when it says more. */
export function explainChangeError(error: unknown): string {
  if (error instanceof CommandError) {
    const e = error.error;
    if (e.kind === "telnyxRejected") {
      const known = e.code ? explanations[e.code] : undefined;
      const detail = e.detail ? ` Telnyx said: “${e.detail}”.` : "";
      if (known) return `${known}${detail}`;
      return e.code
        ? `Telnyx refused the change (error ${e.code}).${detail}`
        : `Telnyx refused the change (status ${e.status}).${detail}`;
    }
    return error.error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
