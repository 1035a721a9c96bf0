import { toOffboardError, type OffboardError } from '@offboard/core';
import { auditCsv, auditJson, auditPages, type AuditFilter, type NameOf } from '@offboard/core/audit';
import { useState } from 'react';
import { ErrorNotice } from '../parts/ErrorNotice';
import { part } from '../parts/partProps';
import { useOffboard } from '../provider/OffboardContext';
import { downloadChunks } from './download';

const FORMATS = {
  csv: { type: 'text/csv;charset=utf-8', label: 'audit.exportCsv' },
  json: { type: 'application/json', label: 'audit.exportJson' },
} as const;
type Format = keyof typeof FORMATS;

/**
 * CSV and JSON of the filtered log, written by the core from the adapter's pages one at a time
 * and saved as a download. While one export runs both buttons wait; a failure (a refusal or a
 * lost connection) is said, with a retry where one can help, and no file is offered.
 */
export function AuditExport({ filter, fileName, nameOf }: { filter: AuditFilter; fileName: string; nameOf: NameOf }) {
  const { adapter, caller, messages, announce } = useOffboard();
  const [running, setRunning] = useState<Format | null>(null);
  const [failed, setFailed] = useState<{ format: Format; error: OffboardError } | null>(null);

  const run = async (format: Format) => {
    setRunning(format);
    setFailed(null);
    let count = 0;
    async function* counted() {
      for await (const page of auditPages(adapter, filter, caller)) {
        count += page.length;
        yield page;
      }
    }
    try {
      // The CSV names people beside their ids; the JSON is the entries as the adapter returns them.
      const chunks = format === 'csv' ? auditCsv(counted(), nameOf) : auditJson(counted());
      await downloadChunks(chunks, `${fileName}.${format}`, FORMATS[format].type);
      announce(messages.t('audit.exported', { count }));
    } catch (error) {
      setFailed({ format, error: toOffboardError(error) });
    } finally {
      setRunning(null);
    }
  };

  return (
    <div {...part('audit-export')} role="group" aria-label={messages.t('audit.export')} aria-busy={running !== null || undefined}>
      {(Object.keys(FORMATS) as Format[]).map((format) => (
        <button key={format} type="button" {...part('audit-export-button')} data-format={format} disabled={running !== null} onClick={() => void run(format)}>
          {running === format ? messages.t('audit.exporting') : messages.t(FORMATS[format].label)}
        </button>
      ))}
      {failed ? <ErrorNotice error={failed.error} onRetry={() => void run(failed.format)} /> : null}
    </div>
  );
}
