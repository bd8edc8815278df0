/// `/static/upload.js`: sends the chosen file as the body of one POST to the upload form's action, with the
/// session's CSRF token in a header, the list, the file's name, the caption or title and the record's version in
/// the query; follows the studio's answer (the record's page) or shows its message.
enum UploadScript {
    static let js = """
        (function () {
          var form = document.getElementById('upload');
          if (!form) return;
          var status = document.getElementById('upload-status');
          form.addEventListener('submit', function (event) {
            event.preventDefault();
            var file = document.getElementById('upload-file').files[0];
            var label = document.getElementById('upload-label').value;
            if (!file) { status.textContent = '请先选择文件。'; return; }
            if (!label.trim()) { status.textContent = '请先填写说明。'; return; }
            var query = new URLSearchParams({list: form.dataset.list, name: file.name, label: label, version: form.dataset.version});
            status.textContent = '正在上传……';
            form.querySelector('button').disabled = true;
            fetch(form.action + '?' + query.toString(), {
              method: 'POST', body: file, credentials: 'same-origin',
              headers: {'X-CSRF-Token': form.dataset.csrf, 'Content-Type': 'application/octet-stream'}
            }).then(function (response) {
              if (response.ok && response.redirected) { window.location = response.url; return; }
              return response.text().then(function (text) {
                status.textContent = text || ('上传失败（' + response.status + '）。');
                form.querySelector('button').disabled = false;
              });
            }, function () {
              status.textContent = '网络中断，没有上传。请再试一次。';
              form.querySelector('button').disabled = false;
            });
          });
        })();
        """
}
