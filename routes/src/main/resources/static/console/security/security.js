// Security officer pages over /api/v1/security/** (reached as /console/api/security/**).
// Disclosures carry pseudonyms: the pages count subjects and never show them.
(function () {
    'use strict';
    const {api, el, pill, table, fill, when, flash, page} = window.Console;
    const SEC = '/console/api/security';

    function decisionKind(decision) {
        return decision === 'PERMIT' ? 'good' : (decision === 'DENY' ? 'bad' : 'warn');
    }

    const EVENTS = {DISCLOSURE_DECIDED: 'decided', HOLD_RELEASED: 'released'};

    const COLUMNS = [
        ['Entry', d => d.id, {num: true}],
        ['Time', d => when(d.occurredAt)],
        ['Event', d => EVENTS[d.event] || d.event],
        ['Notice type', d => d.noticeType || '—'],
        ['From', d => d.sender || '—', {mono: true}],
        ['To', d => d.recipient || '—', {mono: true}],
        ['Decision', d => d.decision ? pill(d.decision, decisionKind(d.decision)) : '—'],
        ['Basis', d => d.legalBasis || '—'],
        ['Subjects', d => (d.subjects || []).length, {num: true}],
    ];

    async function disclosures() {
        const rows = (await api('GET', SEC + '/disclosures?limit=100')).disclosures || [];
        rows.forEach(d => d.__key = String(d.id));
        fill('disclosures', table(COLUMNS.concat([
            ['Review', d => d.reviewRequired ? pill(d.review ? d.review.state : 'OPEN',
                d.review && d.review.state === 'REVIEWED' ? 'good' : 'warn') : '—'],
        ]), rows, 'No disclosures recorded yet.'));
    }

    async function reviews() {
        const rows = (await api('GET', SEC + '/reviews?state=OPEN&limit=100')).reviews || [];
        rows.forEach(d => d.__key = String(d.id));
        fill('reviews', table(COLUMNS.concat([
            ['', d => el('div', {class: 'actions'}, el('button', {'data-action': 'reviewed',
                onclick: () => markReviewed(d)}, 'Mark reviewed'))],
        ]), rows, 'Nothing waits for review.'));
    }

    async function markReviewed(disclosure) {
        const comment = window.prompt('Comment for the review of entry ' + disclosure.id
            + ' (kept with the review; no personal identity numbers):', 'Reviewed; basis on file.');
        if (comment === null) {
            return;
        }
        try {
            await api('POST', SEC + '/reviews/' + encodeURIComponent(disclosure.id), {comment});
            flash('Entry ' + disclosure.id + ' marked reviewed.', true);
        } catch (error) {
            flash('Entry ' + disclosure.id + ' not marked: ' + error.message, false);
        }
        await reviews();
    }

    async function chain() {
        document.getElementById('verify').onclick = verify;
        document.getElementById('export').onclick = () => {
            window.location.href = SEC + '/audit/export?format=csv';
        };
    }

    async function verify() {
        const box = document.getElementById('verification');
        box.replaceChildren('Verifying…');
        try {
            const result = await api('POST', SEC + '/audit/verification');
            const counts = ' (' + result.entriesChecked + ' entries, ' + result.checkpointsChecked
                + ' checkpoints checked).';
            box.replaceChildren(result.ok
                ? el('span', {}, pill('OK', 'good'), ' The chain is intact', counts)
                : el('span', {}, pill('BROKEN', 'bad'), ' The chain is broken at entry ' + result.firstBrokenPosition
                    + ': ' + (result.problem || 'unknown problem'), counts));
        } catch (error) {
            box.replaceChildren(pill('error', 'bad'), ' Verification failed: ' + error.message);
        }
    }

    const loaders = {disclosures, reviews, chain};
    const current = document.body.dataset.page;
    page({area: 'security', current, load: loaders[current], refreshSeconds: current === 'chain' ? 0 : 30});
})();
