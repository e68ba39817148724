import type { Database } from 'better-sqlite3';
import { up as initial } from './0001-initial';
import { up as convertedFiles } from './0002-converted-files';
import { up as calendarEvents } from './0003-calendar-events';
import { up as blobSizeIndex } from './0004-blob-size-index';
import { up as search } from './0005-search';
import { up as notifications } from './0006-notifications';

export type Migration = { version: number; name: string; up: (db: Database) => void };

/** In order; the version of each is its position. Append only. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial },
  { version: 2, name: 'converted files and page texts', up: convertedFiles },
  { version: 3, name: 'calendar events for gap rules', up: calendarEvents },
  { version: 4, name: 'index of stored sizes', up: blobSizeIndex },
  { version: 5, name: 'search index and saved searches', up: search },
  { version: 6, name: 'review marks and notifications', up: notifications },
];

export const LATEST_SCHEMA_VERSION = migrations.length;
