'use client';
// One file field of the evidence form: checks type (by the file's first bytes) and size in the browser, uploads the
// file to Stripe through the server, and keeps the returned `file_…` id in the field the form saves.
import { useState } from 'react';
import { EVIDENCE_FILE_ACCEPT, evidenceFileProblem } from '@/lib/disputes/evidence-file-type';

type UploadAnswer = { ok: true; data: { fileId: string; name: string } } | { ok: false; message: string };

export function DisputeFileField(props: { disputeId: string; name: string; label: string; defaultValue?: string; error?: string; onChange?: (fileId: string) => void }) {
  const [fileId, setFileId] = useState(props.defaultValue ?? '');
  const [note, setNote] = useState<{ kind: 'status' | 'alert'; text: string } | null>(props.error ? { kind: 'alert', text: props.error } : null);
  const [isUploading, setIsUploading] = useState(false);
  const inputId = `upload-${props.name}`;

  async function upload(file: File) {
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const problem = evidenceFileProblem({ size: file.size, head });
    if (problem) {
      setNote({ kind: 'alert', text: problem });
      return;
    }
    setIsUploading(true);
    setNote({ kind: 'status', text: `Uploading ${file.name}…` });
    const body = new FormData();
    body.append('field', props.name);
    body.append('file', file);
    try {
      const response = await fetch(`/disputes/${props.disputeId}/evidence-files`, { method: 'POST', body });
      const answer = (await response.json()) as UploadAnswer;
      if (answer.ok) {
        setFileId(answer.data.fileId);
        setNote({ kind: 'status', text: `Uploaded ${answer.data.name} as ${answer.data.fileId}. Save the draft to keep it.` });
        props.onChange?.(answer.data.fileId);
      } else {
        setNote({ kind: 'alert', text: answer.message });
      }
    } catch {
      setNote({ kind: 'alert', text: 'The upload did not reach the server; nothing was changed. Try again.' });
    } finally {
      setIsUploading(false);
    }
  }

  return (
    <div>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <input type="hidden" name={props.name} value={fileId} />
      <p className="text-xs text-slate-500">
        {fileId ? (
          <>
            File <span className="font-mono">{fileId}</span>
            {/* Stripe can replace a saved evidence file but not empty the field, so only an unsaved upload is undone. */}
            {fileId !== (props.defaultValue ?? '') ? (
              <button type="button" className="ml-2 text-indigo-700 underline" onClick={() => { setFileId(props.defaultValue ?? ''); setNote(null); props.onChange?.(props.defaultValue ?? ''); }}>
                Undo upload
              </button>
            ) : null}
          </>
        ) : (
          'No file yet. PDF, JPEG or PNG, at most 5 MB.'
        )}
      </p>
      {/* No name: the file itself goes to Stripe through the upload route, only its id goes with the form. */}
      <input
        id={inputId}
        type="file"
        accept={EVIDENCE_FILE_ACCEPT}
        disabled={isUploading}
        aria-label={`Upload ${props.label.toLowerCase()}`}
        className="mt-1 block text-sm"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void upload(file);
        }}
      />
      {note ? (
        <p role={note.kind} className={`mt-1 text-sm ${note.kind === 'alert' ? 'text-red-700' : 'text-slate-700'}`}>
          {note.text}
        </p>
      ) : null}
    </div>
  );
}
