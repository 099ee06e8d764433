import { Controller, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorDto } from '../common/error.dto';
import { WebhooksService } from './webhooks.service';

export class WebhookPushDto {
  @ApiProperty({ type: String, nullable: true, description: 'Registry host named by the payload.' })
  host: string | null;
  @ApiProperty({ example: 'acme/app' }) repository: string;
  @ApiProperty({ type: [String], example: ['1.2.0'] }) tags: string[];
  @ApiProperty({
    description:
      'Watched containers using the repository (re-checked after the push is confirmed).',
  })
  containers: number;
}

export class WebhookReceiptDto {
  @ApiProperty({ enum: ['accepted', 'ignored', 'duplicate'] }) status:
    'accepted' | 'ignored' | 'duplicate';
  @ApiProperty({
    enum: ['distribution', 'acr', 'dockerhub', 'github', 'harbor', 'quay', 'gitea', 'generic'],
    description: 'Detected sender format.',
  })
  format: 'distribution' | 'acr' | 'dockerhub' | 'github' | 'harbor' | 'quay' | 'gitea' | 'generic';
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why nothing was done, when nothing was.',
  })
  reason: string | null;
  @ApiProperty({ type: [WebhookPushDto] }) pushes: WebhookPushDto[];
}

@ApiTags('webhooks')
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post('registry/:name')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Registry push notification',
    description:
      'Accepts a push notification from a registry (CNCF distribution, Docker Hub, GitHub packages, Harbor, Quay, Gitea/Forgejo, ACR) or a generic {image, tag} body. ' +
      "Authenticated with the registry's WEBHOOK_TOKEN: Authorization: Bearer <token>, a ?token= query parameter, or an X-Hub-Signature-256 / X-Gitea-Signature HMAC of the body.",
  })
  @ApiParam({
    name: 'name',
    description:
      'Registry name (`local` for TIDEWATCH_REGISTRY_CUSTOM_LOCAL_*) or id (`custom.local`).',
  })
  @ApiQuery({
    name: 'token',
    required: false,
    description:
      "The registry's WEBHOOK_TOKEN, for senders that cannot set headers (Docker Hub, Quay).",
  })
  @ApiBody({
    description: "The sender's own payload (JSON).",
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiAcceptedResponse({ type: WebhookReceiptDto })
  @ApiBadRequestResponse({
    type: ErrorDto,
    description: 'Not a push notification of a known format.',
  })
  @ApiUnauthorizedResponse({
    type: ErrorDto,
    description: 'Unknown registry or invalid credentials.',
  })
  receive(@Param('name') name: string, @Req() request: Request): Promise<WebhookReceiptDto> {
    const token = request.query.token;
    return this.webhooks.receive(name, {
      rawBody: Buffer.isBuffer(request.body) ? request.body : undefined,
      contentType: request.headers['content-type'],
      headers: request.headers,
      ...(typeof token === 'string' ? { queryToken: token } : {}),
    });
  }
}
