/**
 * The console's one island: "select all" boxes and a submit button that disables itself once its form is sent (a
 * comfort; the server is what makes a repeated submission harmless). Inlined with the page's nonce.
 */
export const CONSOLE_ISLAND = `(function(){
document.querySelectorAll('input[data-select-all]').forEach(function(all){
  all.addEventListener('change',function(){
    document.querySelectorAll('input[name="'+all.getAttribute('data-select-all')+'"]').forEach(function(box){box.checked=all.checked;});
  });
});
document.querySelectorAll('form[data-once]').forEach(function(form){
  form.addEventListener('submit',function(){
    setTimeout(function(){form.querySelectorAll('button').forEach(function(b){b.disabled=true;});},0);
  });
});
})();`;
