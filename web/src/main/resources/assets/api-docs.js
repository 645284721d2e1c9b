// Swagger UI over the services' OpenAPI documents, the ones the page links to (the links work without script).
window.addEventListener('DOMContentLoaded', function () {
  var urls = Array.prototype.map.call(document.querySelectorAll('a[data-openapi]'), function (link) {
    return {url: link.getAttribute('href'), name: link.getAttribute('data-openapi')};
  });
  // validatorUrl null: the document is never sent to swagger.io's validator.
  // The standalone layout's top bar switches between the documents.
  SwaggerUIBundle({
    dom_id: '#swagger-ui', urls: urls, deepLinking: true, validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout'
  });
});
