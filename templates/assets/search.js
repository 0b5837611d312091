// Filters the role cards on the home page as the reader types. Without JavaScript the full list shows.
(function () {
  var input = document.getElementById('role-filter');
  var status = document.getElementById('filter-status');
  if (!input || !window.fetch) { return; }
  var index = null;
  fetch('/search-index.json').then(function (r) { return r.json(); }).then(function (data) { index = data; apply(); });
  function apply() {
    if (!index) { return; }
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    index.forEach(function (entry) {
      var text = (entry.title + ' ' + entry.summary + ' ' + entry.skills.join(' ')).toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      document.querySelectorAll('a[href="' + entry.url + '"]').forEach(function (a) {
        var card = a.closest('.card');
        if (card) { card.hidden = !match; }
      });
      if (match) { shown++; }
    });
    document.querySelectorAll('.level-group').forEach(function (g) {
      g.hidden = g.querySelectorAll('.card:not([hidden])').length === 0;
    });
    status.textContent = words.length ? shown + (shown === 1 ? ' role matches' : ' roles match') : '';
  }
  input.addEventListener('input', apply);
  var q = new URLSearchParams(location.search).get('q');
  if (q) { input.value = q; }
})();
