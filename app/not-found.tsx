import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">We couldn't find that</h1>
      <p>It may have been moved, or it belongs to a private group. <Link className="underline" href="/activities">Browse activities</Link> instead.</p>
    </div>
  );
}
