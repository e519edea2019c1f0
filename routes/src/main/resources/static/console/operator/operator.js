// Operator pages: one loader per page over /api/v1/operator/**.
(function () {
    'use strict';
    const {api, el, pill, table, fill, age, when, flash, page} = window.Console;
    const OPS = '/console/api/operator';

    function stateKind(state) {
        return state === 'Started' ? 'good' : (state === 'Suspended' ? 'warn' : 'bad');
    }

    async function overview() {
        const [backlog, participants, queues] = await Promise.all([
            api('GET', OPS + '/backlog'), api('GET', OPS + '/participants'), api('GET', OPS + '/queues')]);
        const sum = key => backlog.reduce((total, row) => total + row[key], 0);
        const dlq = queues.find(q => q.name === 'samband.hub.dlq');
        const expiring = participants.filter(p => p.certificateWarning).length;
        fill('tiles', el('div', {class: 'tiles'},
            tile('held', sum('heldForIt'), 'held notices'),
            tile('overdue', sum('overdueAtIt'), 'overdue handovers'),
            tile('dlq', dlq ? dlq.depth : 0, 'dead letters'),
            tile('certificates', expiring, 'certificates expiring within 60 days')));
        backlog.forEach(row => row.__key = row.participant);
        fill('backlog', table([
            ['Participant', row => row.participant, {mono: true}],
            ['Held for it', row => count(row.heldForIt, 'warn'), {num: true}],
            ['Held from it', row => count(row.heldFromIt, 'warn'), {num: true}],
            ['Overdue at it', row => count(row.overdueAtIt, 'bad'), {num: true}],
            ['Overdue from it', row => count(row.overdueFromIt, 'bad'), {num: true}],
        ], backlog, 'No held notices and no overdue handovers.'));
        participants.forEach(row => row.__key = row.id);
        fill('participants', table([
            ['Participant', row => row.id, {mono: true}],
            ['Kind', row => row.kind],
            ['Organisation', row => row.organisation],
            ['Last contact', row => when(row.lastContact)],
            ['Certificate', row => row.certificateNotAfter === null
                ? pill('no certificate', 'bad')
                : pill(row.daysToExpiry + ' days left', row.certificateWarning ? 'warn' : 'good')],
        ], participants));
    }

    function tile(key, n, label) {
        return el('div', {class: 'tile', 'data-tile': key}, el('div', {class: 'n'}, n), el('div', {class: 'l'}, label));
    }

    function count(n, kind) {
        return n === 0 ? el('span', {class: 'meta'}, '0') : pill(String(n), kind);
    }

    async function routes() {
        const rows = await api('GET', OPS + '/routes');
        rows.forEach(row => row.__key = row.id);
        fill('routes', table([
            ['Route', row => row.id, {mono: true}],
            ['Consumes', row => row.from, {mono: true}],
            ['State', row => pill(row.state, stateKind(row.state))],
            ['Completed', row => row.completed, {num: true}],
            ['Failed', row => row.failed === 0 ? '0' : pill(String(row.failed), 'bad'), {num: true}],
            ['In flight', row => row.inflight, {num: true}],
            ['', row => el('div', {class: 'actions'}, row.state === 'Started'
                ? el('button', {class: 'secondary', 'data-action': 'suspend', onclick: () => act(row.id, 'suspend')},
                    'Suspend')
                : el('button', {'data-action': 'resume', onclick: () => act(row.id, 'resume')}, 'Resume'))],
        ], rows));
    }

    async function act(routeId, action) {
        if (action === 'suspend' && !window.confirm('Suspend route ' + routeId + '? Its messages wait on the queue.')) {
            return;
        }
        try {
            const route = await api('POST', OPS + '/routes/' + encodeURIComponent(routeId) + '/' + action);
            flash('Route ' + route.id + ' is now ' + route.state + '.', true);
        } catch (error) {
            flash('Route ' + routeId + ' not changed: ' + error.message, false);
        }
        await routes();
    }

    async function queues() {
        const rows = await api('GET', OPS + '/queues');
        rows.forEach(row => row.__key = row.name);
        const columns = [
            ['Queue', row => row.name, {mono: true}],
            ['Messages', row => row.depth, {num: true}],
            ['Scheduled', row => row.scheduled, {num: true}],
            ['Consumers', row => row.consumers === 0 ? pill('0', 'warn') : String(row.consumers), {num: true}],
            ['Oldest', row => age(row.oldestAgeSeconds), {num: true}],
        ];
        fill('hub-queues', table(columns, rows.filter(row => !row.participant)));
        fill('agency-queues', table(columns, rows.filter(row => row.participant)));
    }

    async function parked() {
        await Promise.all([parkedList('dlq', 'No dead letters.'), parkedList('rejected', 'No rejected notices.')]);
    }

    async function parkedList(queue, emptyText) {
        const rows = await api('GET', OPS + '/' + queue);
        rows.forEach(row => row.__key = String(row.id));
        fill(queue, table([
            ['Id', row => row.id, {mono: true}],
            ['Notice', row => row.noticeId || '—', {mono: true}],
            ['Type', row => row.type || '—'],
            ['Sender', row => row.sender || '—', {mono: true}],
            ['Reason', row => pill(row.reasonCode || 'unknown', queue === 'dlq' ? 'bad' : 'warn')],
            ['Time', row => when(row.at)],
            ['', row => el('div', {class: 'actions'},
                el('button', {'data-action': 'replay', disabled: !row.target,
                    title: row.target ? 'Back to ' + row.target : 'Nowhere to replay to',
                    onclick: () => parkedAct(queue, row, 'replay')}, 'Replay'),
                el('button', {class: 'danger', 'data-action': 'discard',
                    onclick: () => parkedAct(queue, row, 'discard')}, 'Discard'))],
        ], rows, emptyText));
    }

    async function parkedAct(queue, row, action) {
        const label = row.noticeId ? 'notice ' + row.noticeId : 'message ' + row.id;
        if (action === 'discard' && !window.confirm('Discard ' + label + '? This cannot be undone.')) {
            return;
        }
        try {
            if (action === 'replay') {
                await api('POST', OPS + '/' + queue + '/' + row.id + '/replay');
                flash('Replayed ' + label + ' to ' + row.target + '.', true);
            } else {
                await api('DELETE', OPS + '/' + queue + '/' + row.id);
                flash('Discarded ' + label + '.', true);
            }
        } catch (error) {
            flash('Could not ' + action + ' ' + label + ': ' + error.message, false);
        }
        await parked();
    }

    const loaders = {overview, routes, queues, parked};
    const current = document.body.dataset.page;
    page({area: 'operator', current, load: loaders[current], refreshSeconds: 15});
})();
