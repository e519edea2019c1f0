// Samband console: small helpers shared by every page. Pages call Console.page({...}) once.
// Everything shown comes from the hub's JSON APIs and is written as text (never as HTML).
(function () {
    'use strict';

    const OPERATOR_NAV = [
        ['overview', 'Overview', '/console/operator/'],
        ['routes', 'Routes', '/console/operator/routes.html'],
        ['queues', 'Queues', '/console/operator/queues.html'],
        ['parked', 'Dead letters & rejected', '/console/operator/parked.html'],
    ];
    const SECURITY_NAV = [
        ['disclosures', 'Disclosures', '/console/security/'],
        ['reviews', 'Review queue', '/console/security/reviews.html'],
        ['chain', 'Chain & export', '/console/security/chain.html'],
    ];

    function csrfHeaders() {
        const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
        return match ? {'X-XSRF-TOKEN': decodeURIComponent(match[1])} : {};
    }

    async function api(method, path, body) {
        const headers = Object.assign({'Accept': 'application/json'}, method === 'GET' ? {} : csrfHeaders());
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        const response = await fetch(path, {
            method, headers, credentials: 'same-origin',
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (response.status === 401) {
            window.location.href = '/console/login';
            throw new Error('not logged in');
        }
        const text = await response.text();
        let json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        if (!response.ok) {
            const code = json && json.code ? json.code : ('HTTP ' + response.status);
            throw new Error(code + ' (' + method + ' ' + path + ')');
        }
        return json;
    }

    function el(tag, attrs, ...children) {
        const node = document.createElement(tag);
        Object.entries(attrs || {}).forEach(([key, value]) => {
            if (value === undefined || value === null || value === false) return;
            if (key === 'class') node.className = value;
            else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
            else node.setAttribute(key, value === true ? '' : value);
        });
        children.flat().forEach(child => {
            if (child === null || child === undefined) return;
            node.append(child instanceof Node ? child : document.createTextNode(String(child)));
        });
        return node;
    }

    function pill(text, kind) {
        return el('span', {class: 'pill ' + (kind || 'muted')}, text);
    }

    /** A table from rows: columns are [heading, cell(row) -> Node|string, options]. */
    function table(columns, rows, emptyText) {
        if (!rows || rows.length === 0) {
            return el('div', {class: 'empty'}, emptyText || 'Nothing here.');
        }
        return el('table', {},
            el('thead', {}, el('tr', {}, columns.map(([heading, , opts]) =>
                el('th', {class: opts && opts.num ? 'num' : null}, heading)))),
            el('tbody', {}, rows.map(row => el('tr', {'data-key': row.__key},
                columns.map(([, cell, opts]) => el('td', {class: opts && opts.num ? 'num' : (opts && opts.mono ? 'mono' : null)},
                    cell(row)))))));
    }

    function fill(id, node) {
        const target = document.getElementById(id);
        target.replaceChildren(node);
    }

    function age(seconds) {
        if (seconds === null || seconds === undefined) return '—';
        if (seconds < 60) return seconds + ' s';
        if (seconds < 3600) return Math.floor(seconds / 60) + ' min';
        if (seconds < 86400) return Math.floor(seconds / 3600) + ' h';
        return Math.floor(seconds / 86400) + ' d';
    }

    function when(instant) {
        if (!instant) return '—';
        const at = new Date(instant);
        const seconds = Math.round((Date.now() - at.getTime()) / 1000);
        const text = at.toISOString().replace('T', ' ').substring(0, 19) + ' UTC';
        return el('span', {title: text}, seconds >= 0 ? age(seconds) + ' ago' : 'in ' + age(-seconds));
    }

    function flash(message, ok) {
        const box = document.getElementById('flash');
        if (!box) return;
        box.textContent = message;
        box.className = 'notice show ' + (ok ? 'ok' : 'err');
    }

    function header(area, current, who) {
        const nav = area === 'security' ? SECURITY_NAV : OPERATOR_NAV;
        const title = area === 'security' ? 'Security officer' : 'Operator';
        return el('header', {class: 'bar'},
            el('div', {class: 'brand'}, 'Samband', el('small', {}, title)),
            el('nav', {}, nav.map(([key, label, href]) =>
                el('a', {href, 'aria-current': key === current ? 'page' : null}, label))),
            el('div', {class: 'who'},
                el('span', {id: 'who'}, who || ''),
                el('form', {method: 'post', action: '/console/logout', id: 'logout'},
                    el('button', {type: 'submit', class: 'secondary'}, 'Log out'))));
    }

    /** Sets up a page: header and navigation, then runs load() and again every refreshSeconds. */
    function page({area, current, load, refreshSeconds}) {
        document.body.prepend(header(area, current));
        const logout = document.getElementById('logout');
        const token = csrfHeaders()['X-XSRF-TOKEN'];
        if (token) {
            logout.append(el('input', {type: 'hidden', name: '_csrf', value: token}));
        }
        fetch('/console/me', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(r => r.ok ? r.json() : null)
            .then(me => { if (me) document.getElementById('who').textContent = me.account; })
            .catch(() => {});
        const run = () => load().catch(error => flash('Could not load: ' + error.message, false));
        run();
        if (refreshSeconds) {
            setInterval(run, refreshSeconds * 1000);
        }
        return run;
    }

    window.Console = {api, el, pill, table, fill, age, when, flash, page};
})();
