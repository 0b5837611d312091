// Filters roles on the home page as the reader types: the cards on the page are hidden or shown,
// and roles that have no card here (on a site with groups) are listed below the box. Without
// JavaScript, the page's own links stay.
(function () {
  var input = document.getElementById('role-filter');
  var status = document.getElementById('filter-status');
  if (!input || !window.fetch) { return; }
  var results = document.createElement('ul');
  results.className = 'filter-results';
  results.hidden = true;
  input.form.insertAdjacentElement('afterend', results);
  // The index is fetched when the reader first turns to the box, not with the page.
  var index = null;
  var loading = false;
  function load() {
    if (loading) { return; }
    loading = true;
    fetch('/search-index.json').then(function (r) { return r.json(); }).then(function (first) {
      return Promise.all(first.more.map(function (url) {
        return fetch(url).then(function (r) { return r.json(); });
      })).then(function (rest) {
        index = first.entries;
        rest.forEach(function (part) { index = index.concat(part.entries); });
        apply();
      });
    });
  }
  input.addEventListener('focus', load);
  input.addEventListener('input', load);
  function apply() {
    if (!index) { return; }
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    var extra = [];
    index.forEach(function (entry) {
      var text = (entry.title + ' ' + entry.summary + ' ' + entry.skills.join(' ')).toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      var cards = 0;
      document.querySelectorAll('.card a[href="' + entry.url + '"]').forEach(function (a) {
        a.closest('.card').hidden = !match;
        cards++;
      });
      if (match) {
        shown++;
        if (cards === 0 && words.length) { extra.push(entry); }
      }
    });
    document.querySelectorAll('.level-group').forEach(function (g) {
      g.hidden = g.querySelectorAll('.card:not([hidden])').length === 0;
    });
    results.textContent = '';
    extra.slice(0, 50).forEach(function (entry) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = entry.url;
      a.textContent = entry.title;
      li.appendChild(a);
      results.appendChild(li);
    });
    results.hidden = extra.length === 0;
    status.textContent = words.length ? shown + (shown === 1 ? ' role matches' : ' roles match') : '';
  }
  input.addEventListener('input', apply);
  var q = new URLSearchParams(location.search).get('q');
  if (q) { input.value = q; load(); }
})();
