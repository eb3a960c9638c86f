"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="max-w-xl space-y-3" role="alert">
      <h1 className="text-2xl font-bold">Something went wrong on our side</h1>
      <p>Nothing you did caused this, and nothing you entered has gone missing. Please try again in a moment.</p>
      <button type="button" className="rounded-lg border border-line px-4 py-2" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
