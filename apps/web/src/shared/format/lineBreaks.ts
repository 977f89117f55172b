/**
 * An identifier cut where a line may break without splitting a name: after each "/" and ":"
 * ("pod simulated/" "web/" "api-7e6dd"), as hyphens already allow. Joined, the parts are the text.
 */
export function idLineParts(text: string): string[] {
  return text.split(/(?<=[/:])(?=.)/);
}

/** A PascalCase name cut before each word after the first ("VolumeNode" → "Volume", "Node"). */
export function nameLineParts(name: string): string[] {
  return name.split(/(?<=[a-z0-9])(?=[A-Z])/);
}
