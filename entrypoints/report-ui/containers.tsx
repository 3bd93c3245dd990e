import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { ReportButton } from '../../components/ReportButton';
import { ReportSection } from '../../components/ReportSection';
import { activeReportTab, focusTab, recentReportTab, startReportInTab, type ReportTab } from './inject';

/**
 * The popup's "Report this page": rendered only when the active tab is a supported site. Starting
 * it injects the report UI there and closes the popup, so the learner picks the post in the page.
 */
export function PopupReport({ t, close = () => window.close() }: { t: Translate; close?: () => void }) {
  const [tab, setTab] = useState<ReportTab | null>(null);
  useEffect(() => {
    void activeReportTab().then(setTab);
  }, []);
  if (!tab) return null;
  return (
    <ReportButton
      t={t}
      onReport={async () => {
        const r = await startReportInTab(tab.id);
        if (!r.ok) return r.error;
        close();
        return null;
      }}
    />
  );
}

/**
 * The options page's "Report a page": the most recent supported-site tab (looked up again when the
 * page gets focus back), brought to the front and given the picker.
 */
export function OptionsReport({ t }: { t: Translate }) {
  const [tab, setTab] = useState<ReportTab | null>(null);
  useEffect(() => {
    const look = () => void recentReportTab().then(setTab);
    look();
    window.addEventListener('focus', look);
    return () => window.removeEventListener('focus', look);
  }, []);
  return (
    <ReportSection
      t={t}
      tab={tab}
      onReport={async () => {
        if (!tab) return null;
        await focusTab(tab);
        const r = await startReportInTab(tab.id);
        return r.ok ? null : r.error;
      }}
    />
  );
}
