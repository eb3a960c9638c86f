import Link from "next/link";
import { getViewer } from "@/server/auth/session";

/** The hub's header; the layout hands it the sign-out action, which lives with the other sign-in actions. */
export async function SiteHeader({ signOutAction }: { signOutAction: () => Promise<void> }) {
  const viewer = await getViewer();
  const unread = viewer?.unreadNotifications ?? 0;
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold no-underline">
          <span aria-hidden="true" className="text-brand">◎ </span>Common Thread
        </Link>
        {/* On a phone the links fold into a menu (a <details>, so it works without JavaScript); from sm up they sit in a row. */}
        <details className="site-menu relative" data-testid="site-menu">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded-md px-3 py-2 text-sm font-semibold hover:bg-brand-soft sm:hidden [&::-webkit-details-marker]:hidden" data-testid="site-menu-button">
            Menu
            {unread > 0 ? (
              <span className="ml-1 rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-brand-ink">
                {unread > 99 ? "99+" : unread}
                <span className="sr-only"> unread notifications</span>
              </span>
            ) : null}
            <span aria-hidden="true">▾</span>
          </summary>
        <nav aria-label="Main" className="absolute right-0 top-full z-20 mt-1 flex w-56 flex-col items-stretch gap-1 rounded-lg border border-line bg-surface p-2 text-sm shadow-md sm:static sm:mt-0 sm:w-auto sm:flex-row sm:flex-wrap sm:items-center sm:border-0 sm:p-0 sm:shadow-none">
          <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/activities">Activities</Link>
          <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/groups">Groups</Link>
          <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/projects" data-testid="projects-link">Projects</Link>
          {viewer ? (
            <>
              <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/me/participation" data-testid="me-link">My connections</Link>
              <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/notifications" data-testid="notifications-link">
                Notifications
                {unread > 0 ? (
                  <span className="ml-1.5 rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-brand-ink" data-testid="header-unread-count">
                    {unread > 99 ? "99+" : unread}
                    <span className="sr-only"> unread</span>
                  </span>
                ) : null}
              </Link>
              <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/account" data-testid="account-link">
                {viewer.name}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="w-full rounded-md px-3 py-2 text-left hover:bg-brand-soft sm:w-auto" data-testid="sign-out">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/signin" data-testid="sign-in-link">Sign in</Link>
              <Link className="rounded-md bg-brand px-3 py-2 font-semibold text-brand-ink" href="/signup" data-testid="sign-up-link">
                Join
              </Link>
            </>
          )}
        </nav>
        </details>
      </div>
    </header>
  );
}
