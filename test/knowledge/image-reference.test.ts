import { describe, expect, it } from 'vitest';
import { namesTaggedImage } from '../../bot/knowledge/image-reference.js';

describe('an image written with its tag in a question', () => {
  it('is found with a version, a variant, latest or a registry path, in any language and in quotes', () => {
    expect(namesTaggedImage('Why use `python:3.10-slim` over `python:3.10`?')).toBe(true);
    expect(namesTaggedImage('Are there any reasons not to use node:alpine as the base image?')).toBe(true);
    expect(namesTaggedImage('Does redis:latest start in protected mode?')).toBe(true);
    expect(namesTaggedImage('postgres:16 업그레이드하면 데이터는?')).toBe(true);
    expect(namesTaggedImage('ghcr.io/owner/app:1.4.2 keeps restarting')).toBe(true);
    expect(namesTaggedImage('`alpine:latest` 이미지에서 python 설치는 따로 해야 하나요')).toBe(true);
    expect(namesTaggedImage('is node:18-bookworm-slim smaller?')).toBe(true);
  });

  it('is not found in a host and port, an address, a time, a URL or a drive path', () => {
    expect(namesTaggedImage('The connection to the server localhost:8080 was refused')).toBe(false);
    expect(namesTaggedImage('connect ECONNREFUSED 127.0.0.1:6379')).toBe(false);
    expect(namesTaggedImage('bind() to 0.0.0.0:80 failed')).toBe(false);
    expect(namesTaggedImage('db:5432 refused the connection')).toBe(false);
    expect(namesTaggedImage('the job runs at 10:30 every day')).toBe(false);
    expect(namesTaggedImage('open https://example.com:8443/path in a browser')).toBe(false);
    expect(namesTaggedImage('copy C:\\Users\\me to the server')).toBe(false);
    expect(namesTaggedImage('error on line 12:5 of main.py')).toBe(false);
  });
});
