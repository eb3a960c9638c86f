/** "3 of 12 places left · 9 going", "Full · 2 waiting", or "9 going · no limit". */
export function SpotsLeft({ capacity, goingCount, waitlistLength }: { capacity: number | null; goingCount: number; waitlistLength: number }) {
  if (capacity === null) return <span data-testid="spots-left">{goingCount} going · no limit on places</span>;
  const left = capacity - goingCount;
  if (left <= 0) {
    return (
      <span data-testid="spots-left">
        <strong>Full</strong> · {goingCount} going{waitlistLength ? ` · ${waitlistLength} on the waitlist` : ""}
      </span>
    );
  }
  return (
    <span data-testid="spots-left">
      <strong>
        {left} of {capacity} places left
      </strong>{" "}
      · {goingCount} going
    </span>
  );
}
