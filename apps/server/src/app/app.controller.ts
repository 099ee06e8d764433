import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { APP_VERSION } from '../common/version';

export class AppInfoDto {
  @ApiProperty({ example: 'tidewatch' }) name: string;
  @ApiProperty({ example: '0.1.0' }) version: string;
}

@ApiTags('app')
@Controller('api/app')
export class AppController {
  @Get()
  @ApiOkResponse({ type: AppInfoDto })
  info(): AppInfoDto {
    return { name: 'tidewatch', version: APP_VERSION };
  }
}
