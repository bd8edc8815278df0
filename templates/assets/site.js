/* gongshi: remembers the 大字版 (large print) choice. The switch itself works without this script in browsers
   that support CSS :has(); this script keeps the choice across pages and supports older browsers. */
(function () {
  var key = 'gongshi-large-print';
  function apply(on) {
    document.documentElement.classList.toggle('large-print', on);
    var box = document.getElementById('large-print');
    if (box) box.checked = on;
  }
  var saved = false;
  try { saved = window.localStorage.getItem(key) === '1'; } catch (e) { /* storage disabled */ }
  if (saved) apply(true);
  document.addEventListener('DOMContentLoaded', function () {
    var printButtons = document.querySelectorAll('[data-print]');
    for (var i = 0; i < printButtons.length; i++) {
      printButtons[i].hidden = false;
      printButtons[i].addEventListener('click', function () { window.print(); });
    }
    var box = document.getElementById('large-print');
    if (!box) return;
    if (saved) box.checked = true;
    box.addEventListener('change', function () {
      apply(box.checked);
      try { window.localStorage.setItem(key, box.checked ? '1' : '0'); } catch (e) { /* storage disabled */ }
    });
  });
})();
