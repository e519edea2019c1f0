// Security officer pages over /api/v1/security/** (reached as /console/api/security/**).
// Entries may carry pseudonyms: the pages count subjects and never show them.
(function () {
    'use strict';
    const {api, el, pill, table, fill, when, flash, page} = window.Console;
    const SEC = '/console/api/security';

    function entries(body) {
        if (Array.isArray(body)) return body;
        if (body && Array.isArray(body.entries)) return body.entries;
        if (body && Array.isArray(body.items)) return body.items;
        return [];
    }

    function subjects(entry) {
        const list = entry.subjectPseudonyms || entry.subjects || [];
        return Array.isArray(list) ? list.length : 0;
    }

    function decisionKind(decision) {
        return decision === 'PERMIT' ? 'good' : (decision === 'DENY' ? 'bad' : 'warn');
    }

    const DISCLOSURE_COLUMNS = [
        ['#', e => e.position, {num: true}],
        ['Time', e => when(e.occurredAt)],
        ['Event', e => e.type],
        ['Notice type', e => e.noticeType || '—'],
        ['From', e => e.sender || e.actor, {mono: true}],
        ['To', e => e.counterpart || '—', {mono: true}],
        ['Decision', e => e.decision ? pill(e.decision, decisionKind(e.decision)) : '—'],
        ['Basis', e => e.legalBasis || '—'],
        ['Subjects', e => subjects(e), {num: true}],
    ];

    async function disclosures() {
        const rows = entries(await api('GET', SEC + '/disclosures'));
        rows.forEach(e => e.__key = String(e.position));
        fill('disclosures', table(DISCLOSURE_COLUMNS, rows, 'No disclosures recorded yet.'));
    }

    async function reviews() {
        const rows = entries(await api('GET', SEC + '/reviews'));
        rows.forEach(e => e.__key = String(e.position));
        fill('reviews', table(DISCLOSURE_COLUMNS.concat([
            ['', e => el('div', {class: 'actions'}, el('button', {'data-action': 'reviewed',
                onclick: () => markReviewed(e)}, 'Mark reviewed'))],
        ]), rows, 'Nothing waits for review.'));
    }

    async function markReviewed(entry) {
        try {
            await api('POST', SEC + '/reviews/' + encodeURIComponent(entry.position), {});
            flash('Entry ' + entry.position + ' marked reviewed.', true);
        } catch (error) {
            flash('Entry ' + entry.position + ' not marked: ' + error.message, false);
        }
        await reviews();
    }

    async function chain() {
        document.getElementById('verify').onclick = verify;
        document.getElementById('export').onclick = () => {
            window.location.href = SEC + '/export';
        };
    }

    async function verify() {
        const box = document.getElementById('verification');
        box.replaceChildren('Verifying…');
        try {
            const result = await api('POST', SEC + '/audit/verification');
            const intact = result.intact === true || result.ok === true || result.status === 'OK';
            const counts = [];
            if (result.entries !== undefined) counts.push(result.entries + ' entries');
            if (result.checkpoints !== undefined) counts.push(result.checkpoints + ' checkpoints');
            box.replaceChildren(intact
                ? el('span', {}, pill('OK', 'good'), ' The chain is intact',
                    counts.length ? ' (' + counts.join(', ') + ' checked).' : '.')
                : el('span', {}, pill('BROKEN', 'bad'), ' The chain is broken',
                    result.position ? ' at entry ' + result.position : '',
                    result.problem ? ': ' + result.problem : '', '.'));
        } catch (error) {
            box.replaceChildren(pill('error', 'bad'), ' Verification failed: ' + error.message);
        }
    }

    const loaders = {disclosures, reviews, chain};
    const current = document.body.dataset.page;
    page({area: 'security', current, load: loaders[current], refreshSeconds: current === 'chain' ? 0 : 30});
})();
