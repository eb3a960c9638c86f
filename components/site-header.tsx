import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { getViewer } from "@/server/auth/session";

/** The hub's header; the layout hands it the sign-out action, which lives with the other sign-in actions. */
export async function SiteHeader({ signOutAction }: { signOutAction: () => Promise<void> }) {
  const viewer = await getViewer();
  const t = await getTranslations("common.header");
  const unread = viewer?.unreadNotifications ?? 0;
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold no-underline">
          <span aria-hidden="true" className="text-brand">◎ </span>{t("name")}
        </Link>
        {/* On a phone the links fold into a menu (a <details>, so it works without JavaScript); from sm up they sit in a row. */}
        <details className="site-menu relative" data-testid="site-menu">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded-md px-3 py-2 text-sm font-semibold hover:bg-brand-soft sm:hidden [&::-webkit-details-marker]:hidden" data-testid="site-menu-button">
            {t("menu")}
            {unread > 0 ? (
              <span className="ml-1 rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-brand-ink">
                {unread > 99 ? "99+" : unread}
                <span className="sr-only"> {t("unreadNotifications")}</span>
              </span>
            ) : null}
            <span aria-hidden="true">▾</span>
          </summary>
        <nav aria-label={t("mainNav")} className="absolute right-0 top-full z-20 mt-1 flex w-56 flex-col items-stretch gap-1 rounded-lg border border-line bg-surface p-2 text-sm shadow-md sm:static sm:mt-0 sm:w-auto sm:flex-row sm:flex-wrap sm:items-center sm:border-0 sm:p-0 sm:shadow-none">
          <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/activities">{t("activities")}</Link>
          <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/groups">{t("groups")}</Link>
          <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/projects" data-testid="projects-link">{t("projects")}</Link>
          {viewer ? (
            <>
              <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/me/participation" data-testid="me-link">{t("myConnections")}</Link>
              <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/notifications" data-testid="notifications-link">
                {t("notifications")}
                {unread > 0 ? (
                  <span className="ml-1.5 rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-brand-ink" data-testid="header-unread-count">
                    {unread > 99 ? "99+" : unread}
                    <span className="sr-only"> {t("unread")}</span>
                  </span>
                ) : null}
              </Link>
              <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/account" data-testid="account-link">
                {viewer.name}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="w-full rounded-md px-3 py-2 text-left hover:bg-brand-soft sm:w-auto" data-testid="sign-out">
                  {t("signOut")}
                </button>
              </form>
            </>
          ) : (
            <>
              <Link className="rounded-md px-3 py-2 hover:bg-brand-soft" href="/signin" data-testid="sign-in-link">{t("signIn")}</Link>
              <Link className="rounded-md bg-brand px-3 py-2 font-semibold text-brand-ink" href="/signup" data-testid="sign-up-link">
                {t("join")}
              </Link>
            </>
          )}
        </nav>
        </details>
      </div>
    </header>
  );
}
