// Outstanding requirements in words (Stripe's field names only as a hint for support).
import { describeRequirements } from '@/lib/connect/describe-requirement';

export function ConnectRequirements({ names, title }: { names: string[]; title: string }) {
  if (names.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-700">{title}</h3>
      <ul aria-label={title} className="mt-1 list-disc pl-5 text-sm">
        {describeRequirements(names).map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </div>
  );
}
