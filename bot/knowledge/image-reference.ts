/**
 * An image written with its tag, the way `docker run` and `FROM` take it: python:3.10-slim,
 * node:alpine, redis:latest, postgres:16. The name is not a host (localhost, an address), and the
 * tag is one images use: latest, a version (a dotted number, a number with a variant, or one or two
 * digits, where a port has more), or the release an official image is built on. Docker's own grammar
 * (lab/reference.ts) judges a whole reference and takes localhost:8080 as one; in running text only
 * the forms that no host and port take say "image".
 */
const TAGGED_IMAGE =
  /(?<![\w.:/-])(?!localhost:)(?![\d.]+:)[a-z0-9][\w.-]*(?:\/[\w.-]+)*:(?:latest|\d+(?:\.\d+)+(?:-[a-z][\w.-]*)?|\d+-[a-z][\w.-]*|\d{1,2}|(?:[\w.]+-)?(?:alpine|slim|bookworm|bullseye|buster|jammy|focal|noble|nanoserver|windowsservercore)[\w.-]*)(?![\w:/-]|\.\w)/iu;

/** Whether a question names an image by name and tag, which nothing but a container image is written as. */
export const namesTaggedImage = (question: string): boolean => TAGGED_IMAGE.test(question);
